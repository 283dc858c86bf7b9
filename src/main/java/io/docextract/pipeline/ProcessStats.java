package io.docextract.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's CPU time and peak resident memory, the model's native memory included. */
public final class ProcessStats {

  private ProcessStats() {}

  public static double cpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return 0;
  }

  /**
   * Resets the peak to the current resident memory (Linux: "5" to /proc/self/clear_refs), so the
   * next {@link #peakRssMb()} covers only what ran since. False where that is not possible.
   */
  public static boolean resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** VmHWM from /proc: the most resident memory the process has held; null off Linux. */
  public static Double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 102.4) / 10.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    return null;
  }
}
