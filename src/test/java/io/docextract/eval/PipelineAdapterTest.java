package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PipelineAdapterTest {

  private static final String C = PipelineAdapter.comment("2026-12-05", "out/promote", "old.gguf");

  @Test
  void replacesThePipelinesAdapterKeepingCommentsAndLayout() {
    String yaml =
        """
        # a receipt pipeline
        name: r
        model:
          name: smollm2-135m-instruct
          adapter: models/a/adapter.gguf   # LoRA, see its README
          merged: q8_0
        documentTypes:
          - name: receipt
            schema: s.json
        """;
    String out = PipelineAdapter.apply(yaml, "receipt", "models/b/adapter.gguf", "ab", C);
    assertEquals(
        """
        # a receipt pipeline
        name: r
        model:
          name: smollm2-135m-instruct
          # promoted by docextract promote on 2026-12-05 (out/promote); was old.gguf
          adapter: models/b/adapter.gguf   # LoRA, see its README
          merged: q8_0
        documentTypes:
          - name: receipt
            schema: s.json
        """,
        out);
    // Promoting again replaces the earlier mark instead of stacking marks.
    String again = PipelineAdapter.apply(out, "receipt", "models/c/adapter.gguf", null, C);
    assertEquals(1, again.split(PipelineAdapter.MARK, -1).length - 1, again);
    assertTrue(again.contains("  adapter: models/c/adapter.gguf   # LoRA"), again);
  }

  @Test
  void prefersTheTypesOwnModelAndReplacesItsChecksum() {
    String yaml =
        """
        model: {name: base}
        documentTypes:
          - name: invoice
            model:
              adapter: https://x/inv.gguf
              adapterSha256: 1111
          - name: receipt
            model:
              adapter: https://x/rec.gguf
              adapterSha256: 2222
              merged: q8_0
        """;
    String out = PipelineAdapter.apply(yaml, "receipt", "models/r2/adapter.gguf", "3333", C);
    assertTrue(out.contains("adapterSha256: 1111"), out);
    assertTrue(
        out.contains("      adapter: models/r2/adapter.gguf\n      adapterSha256: 3333"), out);
    assertTrue(out.contains("    model:\n      " + C + "\n      adapter: models/r2"), out);
    String dropped = PipelineAdapter.apply(yaml, "receipt", "models/r2/adapter.gguf", null, C);
    assertTrue(!dropped.contains("2222") && dropped.contains("1111"), dropped);
  }

  @Test
  void flowSectionsAndAPipelineWithoutAdapter() {
    String flow =
        "model: {path: m.gguf, adapter: a.gguf, adapterSha256: 99}\n"
            + "documentTypes:\n  - name: receipt\n";
    assertEquals(
        C + "\nmodel: {path: m.gguf, adapter: b.gguf, adapterSha256: 77}\n",
        PipelineAdapter.apply(flow, "receipt", "b.gguf", "77", C).split("documentTypes")[0]);
    assertEquals(
        C + "\nmodel: {path: m.gguf, adapter: b.gguf}\n",
        PipelineAdapter.apply(flow, "receipt", "b.gguf", null, C).split("documentTypes")[0]);
    String none = "model:\n  name: base\ndocumentTypes:\n  - name: receipt\n";
    assertEquals(
        "model:\n  " + C + "\n  adapter: b.gguf\n  name: base\ndocumentTypes:\n  - name: receipt\n",
        PipelineAdapter.apply(none, "receipt", "b.gguf", null, C));
  }

  @Test
  void refusesATypeTakenFromAnotherFileOrAnUnknownType() {
    String mixed = "model: {name: base}\ndocumentTypes:\n  - name: receipt\n    from: r.yaml\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PipelineAdapter.apply(mixed, "receipt", "b.gguf", null, C));
    assertTrue(e.getMessage().contains("from: r.yaml"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PipelineAdapter.apply(mixed, "nda", "b.gguf", null, C));
  }
}
