package io.docextract.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads java-llama.cpp's native library the way a batch job needs: java-llama.cpp extracts it to
 * one fixed path in the temp folder (two JVMs on a machine race on that file) and announces the
 * extraction on standard output, which belongs to the command's own output. On Linux x86-64 the
 * library is docextract's patched build (native/README.md), the one that returns token
 * probabilities; the stock 4.2.0 library aborts the JVM when asked for them. It comes in two builds:
 * AVX2 (what the stock library targets, runs on any x86-64 of the last decade) and AVX-512 with
 * VNNI and BF16, picked when the CPU reports every one of those flags, because llama.cpp's integer
 * dot products run faster with them (docs/benchmarks.md). {@code -Ddocextract.native.cpu=avx2}
 * forces the portable build.
 */
final class NativeLibrary {

  private static final String LIB_PATH = "de.kherud.llama.lib.path";
  private static final String CPU_CHOICE = "docextract.native.cpu";
  private static final String AVX2 = "native/linux-x86_64/libjllama.so";
  private static final String AVX512 = "native/linux-x86_64-avx512/libjllama.so";

  private static boolean prepared;
  private static boolean tokenProbabilities;
  private static String build = "stock";

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
      Path tmp = Path.of(System.getProperty("de.kherud.llama.tmpdir",
          System.getProperty("java.io.tmpdir")));
      boolean avx512 = !"avx2".equals(System.getProperty(CPU_CHOICE)) && CpuFeatures.local().avx512();
      if (avx512 && extractPatched(tmp, AVX512)) {
        build = "avx512";
      } else if (extractPatched(tmp, AVX2)) {
        build = "avx2";
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

  /** Which library runs: {@code avx512} or {@code avx2} (docextract's builds) or {@code stock}. */
  static synchronized String build() {
    prepare();
    return build;
  }

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
