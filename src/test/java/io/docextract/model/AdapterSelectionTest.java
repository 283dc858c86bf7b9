package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docextract.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-request adapters on a shared base are the same model as that adapter loaded alone: the
 * receipt adapter chosen on a base that also holds the NDA adapter answers as the receipt adapter
 * on its own base does, and no adapter answers as the bare base.
 */
class AdapterSelectionTest {

  private static final String RECEIPT =
      "KEDAI MAJU SDN BHD\nNO 12, JALAN MAWAR 3, 40400 SHAH ALAM\nDATE: 14/05/2018\nTOTAL 23.90";
  private static final String RECEIPT_ADAPTER =
      Path.of("models/adapters/receipt-smollm2/adapter.gguf").toAbsolutePath().toString();
  private static final String NDA_ADAPTER =
      Path.of("models/adapters/nda-smollm2/adapter.gguf").toAbsolutePath().toString();

  @Test
  void eachRequestGetsItsOwnAdapterAndNoneGetsTheBase() throws Exception {
    assumeTrue(Files.isRegularFile(Fixtures.SMOLLM2), "needs ../shared/models");
    String schema = Fixtures.schema("receipt").json();
    String grammar = Grammars.forSchema(schema);
    // The prompt cache off: each answer is computed from scratch, so they compare exactly.
    ModelSettings base = Fixtures.smollm2(160).withCachePrompt(false);
    String alone;
    String bare;
    try (ModelRuntime r = ModelRuntime.acquire(base.withAdapter(RECEIPT_ADAPTER, null))) {
      alone = r.complete(prompt(r), grammar, null, 160, RECEIPT_ADAPTER).text();
    }
    try (ModelRuntime r = ModelRuntime.acquire(base)) {
      bare = r.complete(prompt(r), grammar, null, 160, null).text();
    }
    try (ModelRuntime shared = ModelRuntime.acquire(base, List.of(RECEIPT_ADAPTER, NDA_ADAPTER))) {
      assertEquals(2, shared.adapters().paths().size());
      // Alternate, so a request after another adapter's shows the switch back works.
      String receipt = shared.complete(prompt(shared), grammar, null, 160, RECEIPT_ADAPTER).text();
      String nda = shared.complete(prompt(shared), grammar, null, 160, NDA_ADAPTER).text();
      String none = shared.complete(prompt(shared), grammar, null, 160, null).text();
      String receiptAgain =
          shared.complete(prompt(shared), grammar, null, 160, RECEIPT_ADAPTER).text();
      assertEquals(alone, receipt, "the receipt adapter chosen per request");
      assertEquals(alone, receiptAgain, "and again after the other adapter's request");
      assertEquals(bare, none, "no adapter: the base alone");
      assertNotEquals(
          alone, bare, "the adapter changes the answer (else this test proves nothing)");
      assertNotEquals(receipt, nda, "the NDA adapter is another model");
      assertThrows(
          IllegalArgumentException.class,
          () -> shared.complete(prompt(shared), grammar, null, 160, "/not/loaded.gguf"));
    }
  }

  private static String prompt(ModelRuntime runtime) {
    return runtime.renderPrompt(
        new ExtractionPrompt(
            "You extract data from shop receipts. Copy each value exactly.", null, List.of()),
        RECEIPT);
  }
}
