package io.docextract.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The instruction-set flags the kernel reports for this CPU, to pick a native build that runs. */
record CpuFeatures(Set<String> flags) {

  /** Every extension the AVX-512 build of the native library is compiled with. */
  static final Set<String> AVX512_BUILD =
      Set.of(
          "avx2",
          "fma",
          "f16c",
          "bmi2",
          "avx512f",
          "avx512cd",
          "avx512vl",
          "avx512dq",
          "avx512bw",
          "avx512vbmi",
          "avx512_vnni",
          "avx512_bf16");

  /** The AMX build: every AVX-512 extension above plus the three AMX ones. */
  static final Set<String> AMX_BUILD =
      union(AVX512_BUILD, Set.of("amx_tile", "amx_int8", "amx_bf16"));

  /** The builds, from the portable one up; {@code -Ddocextract.native.cpu} names one of them. */
  static final List<String> BUILDS = List.of("avx2", "avx512", "amx");

  /** The first {@code flags} line of a /proc/cpuinfo text; no flags when there is none. */
  static CpuFeatures parse(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
        return new CpuFeatures(
            Arrays.stream(line.substring(colon + 1).trim().split("\\s+"))
                .collect(Collectors.toUnmodifiableSet()));
      }
    }
    return new CpuFeatures(Set.of());
  }

  static CpuFeatures local() {
    try {
      return parse(Files.readString(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return new CpuFeatures(Set.of());
    }
  }

  /**
   * True only when every AVX-512 extension the faster build uses is there: else it would die of
   * SIGILL.
   */
  boolean avx512() {
    return flags.containsAll(AVX512_BUILD);
  }

  /**
   * True when the CPU lists every extension of the AMX build. Not enough on its own: the kernel
   * must also grant the process the AMX tile data state (see {@link #choose}).
   */
  boolean amx() {
    return flags.containsAll(AMX_BUILD);
  }

  /**
   * The native build to load: the fastest this CPU runs, no faster than {@code requested} ({@code
   * avx2}, {@code avx512}, {@code amx}; null, blank or {@code auto} for no limit). AMX needs the
   * CPU's flags <em>and</em> the kernel's grant of the tile state ({@code tileStateGranted}, asked
   * only when the flags are there); without the grant it is AVX-512, without AVX-512's flags AVX2.
   * A requested build the CPU cannot run is never chosen: a request is a ceiling, not an order.
   *
   * @throws IllegalArgumentException for a request that names no build
   */
  String choose(String requested, BooleanSupplier tileStateGranted) {
    String ceiling =
        requested == null || requested.isBlank()
            ? "auto"
            : requested.trim().toLowerCase(Locale.ROOT);
    if (!ceiling.equals("auto") && !BUILDS.contains(ceiling)) {
      throw new IllegalArgumentException(
          "docextract.native.cpu=" + requested + ": expected one of avx2, avx512, amx (or auto)");
    }
    boolean allowAmx = ceiling.equals("auto") || ceiling.equals("amx");
    boolean allowAvx512 = allowAmx || ceiling.equals("avx512");
    if (allowAmx && amx() && tileStateGranted.getAsBoolean()) {
      return "amx";
    }
    if (allowAvx512 && avx512()) {
      return "avx512";
    }
    return "avx2";
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
