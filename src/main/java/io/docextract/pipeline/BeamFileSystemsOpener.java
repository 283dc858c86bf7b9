package io.docextract.pipeline;

import io.docextract.catalog.ModelOpener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Reads model files through Beam's FileSystems, so a model can live wherever the job's data does:
 * gs:// with the GCP extension (in the -Prunners jar), s3:// with beam-sdks-java-io-amazon-web-
 * services2, and any other file system registered on the classpath. Lives here because the catalog
 * package does not import Beam.
 */
public final class BeamFileSystemsOpener implements ModelOpener {

  @Override
  public boolean handles(String scheme) {
    try {
      // FileSystems knows a scheme when it can parse a resource of it.
      FileSystems.matchNewResource(scheme + "://probe/x", false);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public InputStream open(String location) throws IOException {
    MatchResult.Metadata file = FileSystems.matchSingleFileSpec(location);
    return Channels.newInputStream(FileSystems.open(file.resourceId()));
  }
}
