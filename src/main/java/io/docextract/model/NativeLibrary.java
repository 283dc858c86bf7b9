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
 * probabilities; the stock 4.2.0 library aborts the JVM when asked for them.
 */
final class NativeLibrary {

  private static final String LIB_PATH = "de.kherud.llama.lib.path";
  private static final String PATCHED = "native/linux-x86_64/libjllama.so";

  private static boolean prepared;
  private static boolean tokenProbabilities;

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
      tokenProbabilities = extractPatched(Path.of(System.getProperty("de.kherud.llama.tmpdir",
          System.getProperty("java.io.tmpdir"))));
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

  private static boolean isLinuxX86() {
    String arch = System.getProperty("os.arch");
    return System.getProperty("os.name").startsWith("Linux")
        && (arch.equals("amd64") || arch.equals("x86_64"));
  }

  // java-llama.cpp deletes every entry of its temp folder named jllama* or llama* at load time,
  // so the library goes one folder down, under a name of docextract's own.
  private static boolean extractPatched(Path tmp) {
    try (InputStream in = NativeLibrary.class.getResourceAsStream(PATCHED)) {
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
