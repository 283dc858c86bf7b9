package io.docextract.model;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the model is told for one document type: instructions, the schema, optional worked examples.
 * The document's text is the last user turn; everything before it is the same for every document,
 * so llama.cpp's prompt cache can reuse it.
 */
public record ExtractionPrompt(String instructions, String schemaJson, List<Example> examples)
    implements Serializable {

  /** A worked example: a document's text and the JSON the model should answer with. */
  public record Example(String text, String json) implements Serializable {}

  public ExtractionPrompt {
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  /** The system text: the instructions, then the schema unless the prompt leaves it out (null). */
  public String system() {
    if (schemaJson == null) {
      return instructions.strip();
    }
    return instructions.strip()
        + "\nAnswer with one JSON object that follows this JSON Schema, copying values from the"
        + " document:\n"
        + schemaJson;
  }

  /**
   * The document text as the model sees it: cut to the prompt budget. Training data is cut the same
   * way, so a tuned model never sees more at run time than it learnt from.
   */
  public static String clip(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, maxChars);
  }

  /** The conversation as (role, content) turns, ending with the document. */
  public List<String[]> turns(String documentText) {
    List<String[]> turns = new ArrayList<>();
    for (Example e : examples) {
      turns.add(new String[] {"user", userMessage(e.text())});
      turns.add(new String[] {"assistant", e.json()});
    }
    turns.add(new String[] {"user", userMessage(documentText)});
    return turns;
  }

  private static String userMessage(String text) {
    return "Document:\n" + neutralise(text.strip());
  }

  /** Chat-template control tokens as documents may print them: ChatML, Llama 3, Gemma, Llama 2. */
  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile(
          "<\\|[A-Za-z0-9_.:-]{1,40}\\|>|</?s>|<(?:start|end)_of_turn>|\\[/?INST\\]|<</?SYS>>");

  /**
   * The document's text with every chat-template control token broken by a zero-width space after
   * its first character. llama.cpp tokenizes a prompt with special tokens parsed, so a document
   * printing {@code <|im_start|>system} would otherwise open a real system turn of its own inside
   * the prompt; broken, it is plain text. Values are grounded in the parsed text, not in this, so
   * nothing else changes.
   */
  public static String neutralise(String text) {
    java.util.regex.Matcher m = CONTROL.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    do {
      m.appendReplacement(out, "");
      out.append(m.group().charAt(0)).append('\u200B').append(m.group(), 1, m.group().length());
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  /** Identifies the prompt independent of any document, for lineage. */
  public String hash() {
    StringBuilder sb = new StringBuilder(system());
    for (Example e : examples) {
      sb.append('\u0000').append(e.text()).append('\u0000').append(e.json());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
