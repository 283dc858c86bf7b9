package io.docextract.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The catalogue of known models shipped in the jar (io/docextract/catalog/models.yaml). */
public final class ModelCatalog {

  private record File(List<ModelEntry> models) {}

  private final List<ModelEntry> models;

  private ModelCatalog(List<ModelEntry> models) {
    this.models = List.copyOf(models);
  }

  public static ModelCatalog builtIn() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    try (InputStream in = ModelCatalog.class.getResourceAsStream("models.yaml")) {
      if (in == null) {
        throw new IllegalStateException("models.yaml is missing from the jar");
      }
      return new ModelCatalog(yaml.readValue(in, File.class).models());
    } catch (IOException e) {
      throw new IllegalStateException("the built-in model catalogue is unreadable", e);
    }
  }

  public List<ModelEntry> models() {
    return models;
  }

  public Optional<ModelEntry> find(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
