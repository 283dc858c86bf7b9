package io.docextract.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The instruction-set flags the kernel reports for this CPU, to pick a native build that runs. */
record CpuFeatures(Set<String> flags) {

  /** Every extension the AVX-512 build of the native library is compiled with. */
  static final Set<String> AVX512_BUILD = Set.of("avx2", "fma", "f16c", "bmi2", "avx512f",
      "avx512cd", "avx512vl", "avx512dq", "avx512bw", "avx512vbmi", "avx512_vnni", "avx512_bf16");

  /** The first {@code flags} line of a /proc/cpuinfo text; no flags when there is none. */
  static CpuFeatures parse(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
        return new CpuFeatures(Arrays.stream(line.substring(colon + 1).trim().split("\\s+"))
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

  /** True only when every AVX-512 extension the faster build uses is there: else it would die of SIGILL. */
  boolean avx512() {
    return flags.containsAll(AVX512_BUILD);
  }
}
