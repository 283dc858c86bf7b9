package io.docextract.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessStatsTest {

  private static double rssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS");
  }

  @Test
  void resettingThePeakBringsItDownToTheCurrentResidentMemory() throws Exception {
    assumeTrue(Files.isRegularFile(Path.of("/proc/self/clear_refs")), "Linux only");
    // Raise the peak above the current level with memory that is given back at once.
    java.nio.ByteBuffer big = java.nio.ByteBuffer.allocateDirect(256 << 20);
    for (int i = 0; i < big.capacity(); i += 4096) {
      big.put(i, (byte) 1);
    }
    double raised = ProcessStats.peakRssMb();
    big = null;
    System.gc();
    Thread.sleep(200);
    assertTrue(ProcessStats.resetPeakRss());
    double peak = ProcessStats.peakRssMb();
    assertTrue(peak <= raised, "peak " + peak + " after reset, " + raised + " before");
    assertTrue(Math.abs(peak - rssMb()) < 64, "peak " + peak + " vs current " + rssMb());
  }
}
