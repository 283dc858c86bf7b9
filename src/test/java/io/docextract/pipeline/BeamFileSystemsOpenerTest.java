package io.docextract.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.catalog.Checksums;
import io.docextract.catalog.ModelCache;
import io.docextract.catalog.ModelSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models read through Beam's FileSystems: the file:// scheme here, gs:// and s3:// the same way.
 */
class BeamFileSystemsOpenerTest {

  private static final Path MODEL = Path.of("src/test/resources/models/stories260K.gguf");

  @TempDir Path tmp;

  @Test
  void readsAFileUriThroughBeamAndKnowsWhichSchemesItCanRead() throws Exception {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    BeamFileSystemsOpener opener = new BeamFileSystemsOpener();
    assertTrue(opener.handles("file"));
    assertFalse(opener.handles("s3"), "no S3 file system on this classpath");
    try (InputStream in = opener.open(MODEL.toAbsolutePath().toUri().toString())) {
      assertArrayEquals(Files.readAllBytes(MODEL), in.readAllBytes());
    }
  }

  @Test
  void aCacheWithTheBeamOpenerStillUsesLocalFilesInPlace() throws Exception {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    ModelCache cache = new ModelCache(tmp, List.of(new BeamFileSystemsOpener()));
    String sha = Checksums.sha256(MODEL);
    assertEquals(
        MODEL.toAbsolutePath(),
        cache.localCopy(new ModelSource(MODEL.toAbsolutePath().toUri().toString(), sha)));
  }
}
