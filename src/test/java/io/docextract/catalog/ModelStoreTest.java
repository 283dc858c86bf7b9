package io.docextract.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store against the built-in catalogue. Only {@code stories260k} is used: its one source is a
 * local folder, so nothing here can reach the network.
 */
class ModelStoreTest {

  private static final Path REAL = Path.of("src/test/resources/models/stories260K.gguf");

  @TempDir Path local;
  @TempDir Path cache;
  private ModelStore store;
  private ModelEntry entry;

  @BeforeEach
  void setUp() throws ModelUnavailableException {
    store = new ModelStore(ModelCatalog.builtIn(), List.of(local), cache);
    entry = store.entry("stories260k");
    // Guards the no-network promise above: a url or pip source would make pull() go online.
    assertTrue(entry.sources().stream().allMatch(s -> s.local() != null), "not local-only");
  }

  private Path putLocal(byte[] content) throws IOException {
    return Files.write(local.resolve(entry.file()), content);
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.toList();
    }
  }

  @Test
  void catalogueEntryDescribesTheTestModel() {
    assertEquals("stories260K.gguf", entry.file());
    assertEquals(
        "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d", entry.sha256());
    assertFalse(entry.chatTemplate());
  }

  @Test
  void realCopyInTheLocalFolderIsFoundAndPulledIntoTheCache() throws Exception {
    Path copy = putLocal(Files.readAllBytes(REAL));

    assertEquals(copy, store.findVerified(entry));
    assertTrue(store.verify(entry));

    Path pulled = store.pull(entry);
    assertEquals(cache.resolve(entry.file()), pulled);
    assertEquals(entry.sha256(), Checksums.sha256(pulled));
    assertEquals(List.of(pulled), cacheFiles(), "no .part file may be left behind");
    // Once cached, the cache copy is preferred over the local folder.
    assertEquals(pulled, store.findVerified(entry));
    assertEquals(pulled, store.resolve("stories260k"));
  }

  @Test
  void wrongContentUnderTheRightNameIsNeverUsed() throws Exception {
    putLocal("not a model".getBytes());

    assertNull(store.findVerified(entry));
    assertFalse(store.verify(entry));

    ModelUnavailableException e =
        assertThrows(ModelUnavailableException.class, () -> store.pull(entry));
    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    assertTrue(e.getMessage().contains("does not match " + entry.sha256()), e.getMessage());
    // A download that does not match is deleted: the cache stays empty.
    assertEquals(List.of(), cacheFiles());
  }

  @Test
  void sameSizeButDifferentBytesIsRejected() throws Exception {
    // The size check alone would pass; only the checksum tells the files apart.
    byte[] bytes = Files.readAllBytes(REAL);
    bytes[bytes.length / 2] ^= 0x01;
    putLocal(bytes);

    assertNull(store.findVerified(entry));
    assertThrows(ModelUnavailableException.class, () -> store.resolve("stories260k"));
  }

  @Test
  void badCacheCopyIsSkippedAndReplacedOnPull() throws Exception {
    Files.writeString(cache.resolve(entry.file()), "stale");
    Path copy = putLocal(Files.readAllBytes(REAL));

    assertEquals(copy, store.findVerified(entry));
    Path pulled = store.pull(entry);
    assertEquals(entry.sha256(), Checksums.sha256(pulled));
  }

  @Test
  void nothingAnywhereSaysWhatWasTried() {
    ModelUnavailableException e =
        assertThrows(ModelUnavailableException.class, () -> store.resolve("stories260k"));

    assertTrue(e.getMessage().contains("'stories260k' could not be pulled"), e.getMessage());
    assertTrue(
        e.getMessage().contains("local folder (stories260K.gguf): not found"), e.getMessage());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    ModelUnavailableException e =
        assertThrows(ModelUnavailableException.class, () -> store.entry("gpt-17"));

    assertTrue(e.getMessage().contains("unknown model 'gpt-17'"), e.getMessage());
    for (ModelEntry known : ModelCatalog.builtIn().models()) {
      assertTrue(e.getMessage().contains(known.name()), e.getMessage());
    }
    // resolve() refuses the same way, before looking at any folder.
    assertThrows(ModelUnavailableException.class, () -> store.resolve("gpt-17"));
  }

  @Test
  void pullUsesAGoodCopyInALaterFolder(@TempDir Path second) throws Exception {
    putLocal("bad".getBytes());
    Files.copy(REAL, second.resolve(entry.file()));
    ModelStore two = new ModelStore(ModelCatalog.builtIn(), List.of(local, second), cache);

    assertEquals(second.resolve(entry.file()), two.findVerified(entry));
    assertEquals(entry.sha256(), Checksums.sha256(two.pull(entry)));
  }
}
