package io.docextract.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads java-llama.cpp's native library the way a batch job needs: java-llama.cpp extracts it to
 * one fixed path in the temp folder (two JVMs on a machine race on that file) and announces the
 * extraction on standard output, which belongs to the command's own output. On Linux x86-64 the
 * library is docextract's patched build (native/README.md), the one that returns token
 * probabilities; the stock 4.2.0 library aborts the JVM when asked for them. It comes in three
 * builds: AVX2 (what the stock library targets, runs on any x86-64 of the last decade), AVX-512
 * with VNNI and BF16, picked when the CPU reports every one of those flags, because llama.cpp's
 * integer dot products run faster with them, and AMX (AVX-512 plus ggml's AMX tile kernels), picked
 * when the CPU also reports amx_tile, amx_int8 and amx_bf16 and the kernel grants this process the
 * tile data state ({@code arch_prctl(ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA)}, asked through the
 * small probe library native/cpu-probe.c before any build is loaded); docs/benchmarks.md has the
 * speeds. {@code -Ddocextract.native.cpu=avx2|avx512|amx} caps the build (a build the CPU cannot
 * run is never chosen; {@link CpuFeatures#choose}).
 */
final class NativeLibrary {

  private static final String LIB_PATH = "de.kherud.llama.lib.path";
  private static final String CPU_CHOICE = "docextract.native.cpu";
  private static final Map<String, String> BUILDS =
      Map.of(
          "avx2", "native/linux-x86_64/libjllama.so",
          "avx512", "native/linux-x86_64-avx512/libjllama.so",
          "amx", "native/linux-x86_64-amx/libjllama.so");
  private static final String PROBE = "native/linux-x86_64/libdocextract-cpuprobe.so";

  private static boolean prepared;
  private static boolean tokenProbabilities;
  private static String build = "stock";
  private static Boolean amxTileState;

  private NativeLibrary() {}

  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    if (System.getProperty("de.kherud.llama.tmpdir") == null) {
      try {
        Path dir = Files.createTempDirectory("docextract-natives-");
        dir.toFile().deleteOnExit();
        System.setProperty("de.kherud.llama.tmpdir", dir.toString());
      } catch (IOException e) {
        // keep java-llama.cpp's default location
      }
    }
    if (System.getProperty(LIB_PATH) == null && isLinuxX86()) {
      Path tmp =
          Path.of(
              System.getProperty("de.kherud.llama.tmpdir", System.getProperty("java.io.tmpdir")));
      String chosen =
          CpuFeatures.local()
              .choose(System.getProperty(CPU_CHOICE), NativeLibrary::amxTileStateGranted);
      // From the chosen build down (a jar without one of them still gets one that runs).
      for (int i = CpuFeatures.BUILDS.indexOf(chosen); i >= 0; i--) {
        String candidate = CpuFeatures.BUILDS.get(i);
        if (extractPatched(tmp, BUILDS.get(candidate))) {
          build = candidate;
          break;
        }
      }
      tokenProbabilities = !build.equals("stock");
    }
    PrintStream out = System.out;
    try {
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      Class.forName("de.kherud.llama.LlamaModel");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("java-llama.cpp is not on the classpath", e);
    } finally {
      System.setOut(out);
    }
    prepared = true;
  }

  /** True when the loaded library answers {@code setNProbs} instead of aborting. */
  static synchronized boolean tokenProbabilities() {
    prepare();
    return tokenProbabilities;
  }

  /**
   * Which library runs: {@code amx}, {@code avx512} or {@code avx2} (docextract's builds) or {@code
   * stock}.
   */
  static synchronized String build() {
    prepare();
    return build;
  }

  /**
   * Whether the kernel grants this process the AMX tile data state: asked once, through the probe
   * library, the request ggml-cpu makes at init. Without the grant an AMX tile instruction faults
   * (SIGILL); ggml itself would then keep to its AVX-512 paths, but docextract loads the AVX-512
   * build outright. False when the probe cannot be loaded or on any error.
   */
  static synchronized boolean amxTileStateGranted() {
    if (amxTileState == null) {
      amxTileState = false;
      if (isLinuxX86()) {
        try (InputStream in = NativeLibrary.class.getResourceAsStream(PROBE)) {
          if (in != null) {
            Path dir =
                Files.createTempDirectory(
                    Path.of(
                        System.getProperty(
                            "de.kherud.llama.tmpdir", System.getProperty("java.io.tmpdir"))),
                    "docextract-cpuprobe-");
            dir.toFile().deleteOnExit();
            Path lib = dir.resolve("libdocextract-cpuprobe.so");
            Files.copy(in, lib);
            lib.toFile().deleteOnExit();
            System.load(lib.toString());
            amxTileState = requestAmxTileState();
          }
        } catch (IOException | RuntimeException | LinkageError e) {
          amxTileState = false;
        }
      }
    }
    return amxTileState;
  }

  /**
   * In native/cpu-probe.c: {@code arch_prctl(ARCH_REQ_XCOMP_PERM, 18)}, then the permission read
   * back.
   */
  private static native boolean requestAmxTileState();

  private static boolean isLinuxX86() {
    String arch = System.getProperty("os.arch");
    return System.getProperty("os.name").startsWith("Linux")
        && (arch.equals("amd64") || arch.equals("x86_64"));
  }

  // java-llama.cpp deletes every entry of its temp folder named jllama* or llama* at load time,
  // so the library goes one folder down, under a name of docextract's own.
  private static boolean extractPatched(Path tmp, String resource) {
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      Path dir = Files.createTempDirectory(tmp, "docextract-jllama-patched-");
      dir.toFile().deleteOnExit();
      Path lib = dir.resolve(System.mapLibraryName("jllama"));
      Files.copy(in, lib);
      lib.toFile().deleteOnExit();
      System.setProperty(LIB_PATH, dir.toString());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
