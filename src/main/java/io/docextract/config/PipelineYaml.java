package io.docextract.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A pipeline file read into its {@link PipelineDefinition}, strictly: unknown keys, duplicate keys
 * and nulls for numbers are refused with the file and the key's path.
 */
public final class PipelineYaml {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // `grounded: required` and `grounded: [a, b]` both read as a list.
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private PipelineYaml() {}

  public static PipelineDefinition read(Path file) throws InvalidPipelineException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidPipelineException(file + ": pipeline file not found");
    }
    try {
      JsonNode tree = YAML.readTree(file.toFile());
      PipelineDefinition def =
          tree == null || tree.isMissingNode() || tree.isNull()
              ? null
              : YAML.treeToValue(tree, PipelineDefinition.class);
      if (def == null) {
        throw new InvalidPipelineException(file + ": pipeline file is empty");
      }
      return def;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new InvalidPipelineException(
          file + ": unknown key '" + path(e) + "' (known here: " + known + ")");
    } catch (JsonMappingException e) {
      throw new InvalidPipelineException(
          file + ": bad value at '" + path(e) + "': " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidPipelineException(file + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidPipelineException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
