package io.docextract.ingest;

import java.io.Serializable;

/**
 * Where a document came from inside its file: nothing for a plain file, otherwise the id of the
 * container it was found in, its path inside the outermost file, and how deep it sits.
 *
 * @param parentId sha256 of the container the part was found in; null for a file itself
 * @param path names from the file down to the part joined by '/'; null for a file itself
 * @param depth 0 for a file, 1 for an attachment or archive entry, 2 for one inside that, ...
 */
public record Provenance(String parentId, String path, int depth) implements Serializable {

  private static final Provenance FILE = new Provenance(null, null, 0);

  public static Provenance file() {
    return FILE;
  }

  public boolean isPart() {
    return depth > 0;
  }

  /**
   * The part's own source: the file's source, then "!/" and the path inside it (as in jar URLs).
   */
  public String sourceIn(String fileSource) {
    return isPart() ? fileSource + "!/" + path : fileSource;
  }

  /** The provenance of a part named {@code name} found inside the document this one describes. */
  public Provenance child(String containerId, String name) {
    return new Provenance(containerId, isPart() ? path + "/" + name : name, depth + 1);
  }
}
