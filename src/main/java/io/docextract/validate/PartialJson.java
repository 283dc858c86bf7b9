package io.docextract.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  // A mapper's factory, so scalars become the same nodes a whole reply's parse gives them.
  private static final JsonFactory FACTORY = new ObjectMapper().getFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PartialJson() {}

  /** The complete part of {@code reply}'s top-level object; empty when it has no such member. */
  public static Optional<ObjectNode> salvage(String reply) {
    if (reply == null || reply.isBlank()) {
      return Optional.empty();
    }
    Deque<Frame> open = new ArrayDeque<>();
    ObjectNode root = null;
    try (JsonParser p = FACTORY.createParser(reply)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
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
          default -> {
            // The reply ending on a number means its digits may have been cut: 14 could be 1447.50.
            if (!(t.isNumeric() && endsTheReply(reply, p))) {
              attach(open.peek(), open.peek().key, p.readValueAsTree());
            }
          }
        }
      }
    } catch (IOException cut) {
      // The reply ends inside a token or structure: keep what was complete before it.
    }
    if (root == null) {
      return Optional.empty();
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

  private static boolean endsTheReply(String reply, JsonParser p) {
    long end = p.currentLocation().getCharOffset();
    return end >= 0 && reply.substring((int) Math.min(end, reply.length())).isBlank();
  }

  private static void attach(Frame parent, String key, JsonNode value) {
    if (parent.node instanceof ArrayNode a) {
      if (parent.seen.add(value)) {
        a.add(value);
      }
    } else {
      ((ObjectNode) parent.node).set(key, value);
    }
  }

  /** An open object or array, the key it will be stored under, and what it already holds. */
  private static final class Frame {
    final JsonNode node;
    final String parentKey;
    String key;
    final Set<JsonNode> seen = new LinkedHashSet<>();

    Frame(JsonNode node, String parentKey) {
      this.node = node;
      this.parentKey = parentKey;
    }
  }
}
