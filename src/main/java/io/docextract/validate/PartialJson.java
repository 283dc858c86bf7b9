package io.docextract.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a reply that was cut off (token limit, or stopped for repeating itself) had already said in
 * full: the members of its top-level object whose values were complete, and the complete items of
 * an array that was still open. The item or value being written when the reply stopped is dropped,
 * and so is a number the reply ends on (its digits may have been cut). In a reply that loops, the
 * loop is an item written again, so an array keeps each distinct item once. The result is a
 * proposal for a reviewer, never a record: it is checked against the schema like any reply.
 */
public final class PartialJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PartialJson() {}

  /** The complete part of {@code reply}'s top-level object; empty when it has no such member. */
  public static Optional<ObjectNode> salvage(String reply) {
    if (reply == null || reply.isBlank()) {
      return Optional.empty();
    }
    Deque<Frame> open = new ArrayDeque<>();
    ObjectNode root = null;
    JsonToken last = null;
    long lastEnd = 0;
    try (JsonParser p = FACTORY.createParser(reply)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        last = t;
        lastEnd = p.currentLocation().getCharOffset();
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            Frame parent = open.peek();
            if (parent == null && t == JsonToken.START_ARRAY) {
              return Optional.empty();
            }
            Frame f =
                new Frame(
                    t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode(),
                    parent == null ? null : parent.key);
            if (parent == null) {
              root = (ObjectNode) f.node;
            }
            open.push(f);
          }
          case END_OBJECT, END_ARRAY -> {
            Frame done = open.pop();
            if (open.isEmpty()) {
              return Optional.of(root);
            }
            attach(open.peek(), done.parentKey, done.node);
          }
          case FIELD_NAME -> open.peek().key = p.currentName();
          default -> attach(open.peek(), open.peek().key, scalar(p, t));
        }
      }
    } catch (IOException cut) {
      // The reply ends inside a token or structure: keep what was complete before it.
    }
    if (root == null) {
      return Optional.empty();
    }
    boolean endsTheReply =
        lastEnd >= 0 && reply.substring((int) Math.min(lastEnd, reply.length())).isBlank();
    if (endsTheReply
        && (last == JsonToken.VALUE_NUMBER_INT || last == JsonToken.VALUE_NUMBER_FLOAT)) {
      dropLast(open.peek());
    }
    // Close what is still open from the inside out: an unfinished array item is dropped, an
    // unfinished member of an object keeps what it already holds.
    while (open.size() > 1) {
      Frame f = open.pop();
      Frame parent = open.peek();
      if (parent.node.isObject()) {
        attach(parent, f.parentKey, f.node);
      }
    }
    return root.isEmpty() ? Optional.empty() : Optional.of(root);
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }

  private static void attach(Frame parent, String key, JsonNode value) {
    if (parent.node instanceof ArrayNode a) {
      if (parent.seen.add(value)) {
        a.add(value);
      }
    } else {
      ((ObjectNode) parent.node).set(key, value);
    }
    parent.lastKey = key;
  }

  private static void dropLast(Frame f) {
    if (f == null) {
      return;
    }
    if (f.node instanceof ArrayNode a && !a.isEmpty()) {
      f.seen.remove(a.get(a.size() - 1));
      a.remove(a.size() - 1);
    } else if (f.node instanceof ObjectNode o && f.lastKey != null) {
      o.remove(f.lastKey);
    }
  }

  /** An open object or array, the key it will be stored under, and what it already holds. */
  private static final class Frame {
    final JsonNode node;
    final String parentKey;
    String key;
    String lastKey;
    final Set<JsonNode> seen = new LinkedHashSet<>();

    Frame(JsonNode node, String parentKey) {
      this.node = node;
      this.parentKey = parentKey;
    }
  }
}
