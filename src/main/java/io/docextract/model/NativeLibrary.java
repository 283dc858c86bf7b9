package io.docextract.model;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads java-llama.cpp's native library the way a batch job needs: java-llama.cpp extracts it to
 * one fixed path in the temp folder (two JVMs on a machine race on that file) and announces the
 * extraction on standard output, which belongs to the command's own output.
 */
final class NativeLibrary {

  private static boolean prepared;

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
}
