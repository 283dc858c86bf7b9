package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

  private static final String AVX2_ONLY =
      "processor\t: 0\nmodel name\t: Intel(R) Xeon(R)\n"
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

  // Sapphire Rapids as this machine's /proc/cpuinfo lists it (the flags that matter, and others).
  private static final String SAPPHIRE_RAPIDS =
      "processor\t: 0\nflags\t\t: fpu sse sse2 avx f16c fma avx2"
          + " bmi2 avx512f avx512dq avx512cd avx512bw avx512vl avx512vbmi avx512_vnni avx512_bf16"
          + " avx512_fp16 amx_bf16 amx_tile amx_int8 sha_ni\n\nprocessor\t: 1\n";
  private static final String ICE_LAKE =
      SAPPHIRE_RAPIDS
          .replace(" amx_bf16 amx_tile amx_int8", "")
          .replace(" avx512_bf16", "")
          .replace(" avx512_fp16", "");
  private static final BooleanSupplier GRANTED = () -> true;
  private static final BooleanSupplier REFUSED = () -> false;

  @Test
  void amxNeedsTheFlagsAndTheKernelsGrant() {
    CpuFeatures spr = CpuFeatures.parse(SAPPHIRE_RAPIDS);
    assertTrue(spr.amx());
    assertEquals("amx", spr.choose(null, GRANTED));
    assertEquals("amx", spr.choose("auto", GRANTED));
    // A kernel before 5.16, or one that refuses the tile state: the tile instructions would fault.
    assertEquals("avx512", spr.choose(null, REFUSED));
    // Every AMX flag is needed, and every AVX-512 one (the AMX build is the AVX-512 build plus
    // AMX).
    for (String flag : new String[] {"amx_tile", "amx_int8", "amx_bf16", "avx512_bf16"}) {
      CpuFeatures without = CpuFeatures.parse(SAPPHIRE_RAPIDS.replace(" " + flag, ""));
      assertFalse(without.amx(), flag);
      assertEquals(flag.startsWith("amx") ? "avx512" : "avx2", without.choose(null, GRANTED), flag);
    }
  }

  @Test
  void theKernelIsAskedOnlyWhenTheFlagsAreThere() {
    AtomicInteger asked = new AtomicInteger();
    BooleanSupplier counting = () -> asked.incrementAndGet() > 0;
    assertEquals("avx2", CpuFeatures.parse(ICE_LAKE).choose(null, counting));
    assertEquals("avx2", CpuFeatures.parse(AVX2_ONLY).choose(null, counting));
    assertEquals("avx512", CpuFeatures.parse(SAPPHIRE_RAPIDS).choose("avx512", counting));
    assertEquals(0, asked.get());
    assertEquals("amx", CpuFeatures.parse(SAPPHIRE_RAPIDS).choose("amx", counting));
    assertEquals(1, asked.get());
  }

  @Test
  void aRequestedBuildIsACeilingNeverASigill() {
    CpuFeatures spr = CpuFeatures.parse(SAPPHIRE_RAPIDS);
    assertEquals("avx2", spr.choose("avx2", GRANTED));
    assertEquals("avx512", spr.choose("avx512", GRANTED));
    assertEquals("avx512", spr.choose(" AVX512 ", GRANTED));
    assertEquals("amx", spr.choose("amx", GRANTED));
    assertEquals("avx512", spr.choose("amx", REFUSED));
    CpuFeatures avx2 = CpuFeatures.parse(AVX2_ONLY);
    assertEquals("avx2", avx2.choose("amx", GRANTED));
    assertEquals("avx2", avx2.choose("avx512", GRANTED));
    assertThrows(IllegalArgumentException.class, () -> spr.choose("avx-512", GRANTED));
  }

  @Test
  void noFlagsLineMeansNoFlags() {
    assertEquals(0, CpuFeatures.parse("processor : 0\n").flags().size());
    assertFalse(CpuFeatures.parse("").avx512());
    assertEquals("avx2", CpuFeatures.parse("").choose(null, GRANTED));
  }

  /** The build that loads is the one this machine's CPU can run. */
  @Test
  void theLoadedBuildMatchesThisCpu() {
    String build = NativeLibrary.build();
    assumeFalse(build.equals("stock"), "not Linux x86-64, or a library path set by the user");
    assertEquals(
        CpuFeatures.local()
            .choose(
                System.getProperty("docextract.native.cpu"), NativeLibrary::amxTileStateGranted),
        build);
  }
}
