package io.docextract.catalog;

import java.io.IOException;
import java.io.InputStream;

/** Reads a model file from one kind of location; {@link ModelCache} asks each in turn. */
public interface ModelOpener {

  /** True when this opener reads locations with this URI scheme (lower case). */
  boolean handles(String scheme);

  /** The file's bytes; an {@link IOException} for a location that cannot be read now. */
  InputStream open(String location) throws IOException;
}
