package io.docextract.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model distribution with real files and a real HTTP server on loopback: copied once, verified,
 * renamed into place atomically; a wrong checksum or a failing server never leaves a file behind.
 */
class ModelCacheTest {

  private static final Path MODEL = Path.of("src/test/resources/models/stories260K.gguf");

  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private String sha;
  private byte[] bytes;

  @BeforeEach
  void serve() throws Exception {
    bytes = Files.readAllBytes(MODEL);
    sha = Checksums.sha256(MODEL);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/models/stories260K.gguf",
        exchange -> {
          requests.incrementAndGet();
          if (failuresLeft.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(503, -1);
          } else {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/models/stories260K.gguf";
  }

  private ModelCache cache(String name) {
    return new ModelCache(tmp.resolve(name), List.of(new HttpModelOpener()));
  }

  private List<String> filesIn(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anHttpModelIsFetchedOnceVerifiedAndNamedByItsHash() throws Exception {
    ModelCache cache = cache("a");
    Path local = cache.localCopy(new ModelSource(url(), sha));
    assertEquals(tmp.resolve("a").resolve(sha + ".gguf"), local);
    assertArrayEquals(bytes, Files.readAllBytes(local));
    assertEquals(List.of(sha + ".gguf"), filesIn(tmp.resolve("a")), "no .part file left");
    assertEquals(local, cache.localCopy(new ModelSource(url(), sha)));
    assertEquals(1, requests.get());
  }

  @Test
  void aWrongChecksumIsRefusedAndLeavesNothing() throws Exception {
    String wrong = "0".repeat(64);
    ModelUnavailableException e =
        assertThrows(
            ModelUnavailableException.class,
            () -> cache("b").localCopy(new ModelSource(url(), wrong)));
    assertTrue(
        e.getMessage().contains("has sha256 " + sha + ", expected " + wrong), e.getMessage());
    assertEquals(List.of(), filesIn(tmp.resolve("b")));
    assertEquals(1, requests.get(), "a checksum mismatch is not retried");
  }

  @Test
  void aTransientServerErrorIsRetriedWithinABound() throws Exception {
    failuresLeft.set(1);
    Path local = cache("c").localCopy(new ModelSource(url(), sha));
    assertArrayEquals(bytes, Files.readAllBytes(local));
    assertEquals(2, requests.get());

    failuresLeft.set(100);
    ModelUnavailableException e =
        assertThrows(
            ModelUnavailableException.class,
            () -> cache("d").localCopy(new ModelSource(url(), sha)));
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertEquals(2 + ModelCache.ATTEMPTS, requests.get());
    assertEquals(List.of(), filesIn(tmp.resolve("d")));
  }

  @Test
  void threadsRacingForTheSameModelFetchItOnce() throws Exception {
    ModelCache cache = cache("e");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Path>> got = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Callable<Path> fetch = () -> cache.localCopy(new ModelSource(url(), sha));
      got.add(pool.submit(fetch));
    }
    for (Future<Path> f : got) {
      assertEquals(tmp.resolve("e").resolve(sha + ".gguf"), f.get());
    }
    pool.shutdown();
    assertEquals(1, requests.get());
  }

  @Test
  void aCorruptCachedCopyIsFetchedAgain() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("f"));
    Files.writeString(dir.resolve(sha + ".gguf"), "half a model"); // e.g. another tool's copy
    Files.writeString(dir.resolve(sha + "-123.part"), "a killed process's leftover");
    Path local = cache("f").localCopy(new ModelSource(url(), sha));
    assertArrayEquals(bytes, Files.readAllBytes(local));
    assertEquals(1, requests.get());
  }

  @Test
  void aLocalPathOrFileUriIsVerifiedAndUsedInPlace() throws Exception {
    ModelCache cache = cache("g");
    assertEquals(
        MODEL.toAbsolutePath(),
        cache.localCopy(new ModelSource(MODEL.toAbsolutePath().toString(), sha)));
    assertEquals(
        MODEL.toAbsolutePath(),
        cache.localCopy(new ModelSource(MODEL.toAbsolutePath().toUri().toString(), sha)));
    assertFalse(Files.exists(tmp.resolve("g")), "nothing copied");
    Path other = Files.writeString(tmp.resolve("other.gguf"), "not the model");
    ModelUnavailableException e =
        assertThrows(
            ModelUnavailableException.class,
            () -> cache.localCopy(new ModelSource(other.toUri().toString(), sha)));
    assertTrue(e.getMessage().contains("expected " + sha), e.getMessage());
  }

  @Test
  void aSourceNeedsAChecksumAndASchemeSomeoneReads() {
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> new ModelSource(url(), "abc"));
    assertTrue(bad.getMessage().contains("sha256 must be 64 hex digits"), bad.getMessage());
    ModelUnavailableException e =
        assertThrows(
            ModelUnavailableException.class,
            () -> cache("h").localCopy(new ModelSource("s3://bucket/model.gguf", sha)));
    assertTrue(e.getMessage().contains("no reader for 's3:'"), e.getMessage());
  }
}
