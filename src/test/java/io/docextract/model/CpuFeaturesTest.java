package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

  private static final String AVX2_ONLY = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R)\n"
      + "flags\t\t: fpu sse sse2 avx f16c fma avx2 bmi2\n\nprocessor\t: 1\n";

  @Test
  void anAvx2CpuGetsThePortableBuild() {
    assertFalse(CpuFeatures.parse(AVX2_ONLY).avx512());
  }

  @Test
  void everyAvx512ExtensionOfTheBuildIsRequired() {
    String all = "flags : sse2 " + String.join(" ", CpuFeatures.AVX512_BUILD) + " sha_ni\n";
    assertTrue(CpuFeatures.parse(all).avx512());
    // An AVX-512 CPU without BF16 (Skylake-SP, Ice Lake) would die of SIGILL in the faster build.
    assertFalse(CpuFeatures.parse(all.replace(" avx512_bf16", "")).avx512());
  }

  @Test
  void noFlagsLineMeansNoFlags() {
    assertEquals(0, CpuFeatures.parse("processor : 0\n").flags().size());
    assertFalse(CpuFeatures.parse("").avx512());
  }

  /** The build that loads is the one this machine's CPU can run. */
  @Test
  void theLoadedBuildMatchesThisCpu() {
    String build = NativeLibrary.build();
    assumeFalse(build.equals("stock"), "not Linux x86-64, or a library path set by the user");
    assertEquals(CpuFeatures.local().avx512() && !"avx2".equals(System.getProperty("docextract.native.cpu"))
        ? "avx512" : "avx2", build);
  }
}
