package io.docextract.pipeline;

import io.docextract.model.Completion;
import io.docextract.model.StopReason;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import io.docextract.validate.ExtractedRecord;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** Replies as the runtime returns them, each ending in the right place. */
public class ValidateRecordsTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static Extraction reply(String id, String text, StopReason stop) {
    ExtractionRequest r =
        new ExtractionRequest(
            id,
            "/in/" + id,
            "text/plain",
            "receipt",
            "SHOP SDN BHD\nJALAN 1\n01/02/2019\nTOTAL 9.00",
            false,
            3);
    return new Extraction(r, new Completion(text, stop, 100, 20, 5, 50));
  }

  @Test
  public void routesEachKindOfBadReplyAndKeepsTheGoodOne() {
    String good =
        "{\"company\":\"SHOP SDN BHD\",\"date\":\"01/02/2019\",\"address\":\"JALAN 1\","
            + "\"total\":\"9.00\"}";
    PCollectionTuple out =
        p.apply(
                Create.of(
                        reply("ok", good, StopReason.COMPLETE_JSON),
                        reply("cut", "{\"company\":\"SHOP", StopReason.TOKEN_LIMIT),
                        reply("notjson", "{\"company\": SHOP}", StopReason.END_OF_TEXT),
                        reply("schema", "{\"company\":\"SHOP\"}", StopReason.COMPLETE_JSON),
                        reply("empty", "", StopReason.END_OF_TEXT),
                        reply("loop", "{\"company\":\"NANANANANANA", StopReason.REPETITION))
                    .withCoder(SerializableCoder.of(Extraction.class)))
            .apply(
                ValidateRecords.against(
                    List.of(Fixtures.type("receipt", List.of())), Fixtures.stories(512, 64)));

    PAssert.that(
            out.get(ValidateRecords.RECORDS)
                .apply(
                    "Records",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ExtractedRecord r) ->
                                r.id()
                                    + ":"
                                    + r.fields()
                                    + ":"
                                    + r.lineage().get("schema_version")
                                    + ":"
                                    + r.lineage().get("stop_reason"))))
        .containsInAnyOrder("ok:" + good + ":1.0.0:complete_json");
    PAssert.that(
            out.get(ValidateRecords.FAILURES)
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ReviewItem r) ->
                                r.id()
                                    + ":"
                                    + r.reason().code()
                                    + ":"
                                    + (r.rawOutput() != null)
                                    + ":"
                                    + !r.validatorMessages().isEmpty())))
        .containsInAnyOrder(
            "cut:truncated:true:false",
            "notjson:invalid_json:true:false",
            "schema:schema_violation:true:true",
            "empty:empty_output:true:false",
            "loop:repetition:true:false");
    p.run().waitUntilFinish();
  }

  @Test
  public void aGroundedRecordCarriesItsSpansAndAnInventedValueGoesToReview() {
    String text = "KEDAI MAJU SDN BHD\nNO 5, JALAN SATU\nDATE 01/02/2019\nTOTAL 9.00";
    ExtractionRequest r1 =
        new ExtractionRequest("real", "/in/real", "text/plain", "receipt", text, false, 3);
    ExtractionRequest r2 =
        new ExtractionRequest("invented", "/in/invented", "text/plain", "receipt", text, false, 3);
    String real =
        "{\"company\":\"Kedai Maju Sdn Bhd\",\"date\":\"01/02/2019\","
            + "\"address\":\"NO 5, JALAN SATU\",\"total\":\"9.00\"}";
    String invented =
        "{\"company\":\"KEDAI MAJU SDN BHD\",\"date\":\"01/02/2019\","
            + "\"address\":\"1234567890\",\"total\":\"10000000000\"}";
    var base = Fixtures.type("receipt", List.of());
    var strict =
        withReview(
            base,
            new io.docextract.config.ReviewPolicy(
                java.util.Set.of("company", "date", "address", "total"), 0.85, List.of(), null));
    PCollectionTuple out =
        p.apply(
                Create.of(
                        new Extraction(
                            r1, new Completion(real, StopReason.COMPLETE_JSON, 100, 20, 5, 50)),
                        new Extraction(
                            r2, new Completion(invented, StopReason.COMPLETE_JSON, 100, 20, 5, 50)))
                    .withCoder(SerializableCoder.of(Extraction.class)))
            .apply(ValidateRecords.against(List.of(strict), Fixtures.stories(512, 64)));

    PAssert.that(
            out.get(ValidateRecords.RECORDS)
                .apply(
                    "Records",
                    MapElements.into(TypeDescriptors.strings())
                        .via((ExtractedRecord r) -> r.id() + ":" + r.lineage().get("grounding"))))
        .satisfies(
            all -> {
              String only = all.iterator().next();
              org.junit.Assert.assertTrue(
                  only,
                  only.startsWith(
                      "real:{company=Span[start=0, end=18,"
                          + " matched=KEDAI MAJU SDN BHD, method=folded"));
              return null;
            });
    PAssert.that(
            out.get(ValidateRecords.FAILURES)
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ReviewItem r) ->
                                r.id() + ":" + r.reason().code() + ":" + r.message())))
        .containsInAnyOrder("invented:ungrounded:not found in the text: address, total");
    p.run().waitUntilFinish();
  }

  @Test
  public void aRecordFailingACheckGoesToReviewNamingTheCheck() {
    String text = "KEDAI MAJU SDN BHD\nNO 5, JALAN SATU\nDATE 01/02/2099\nTOTAL 9.00";
    ExtractionRequest r =
        new ExtractionRequest("future", "/in/future", "text/plain", "receipt", text, false, 3);
    String reply =
        "{\"company\":\"KEDAI MAJU SDN BHD\",\"date\":\"01/02/2099\","
            + "\"address\":\"NO 5, JALAN SATU\",\"total\":\"9.00\"}";
    var base = Fixtures.type("receipt", List.of());
    var checked =
        withReview(
            base,
            new io.docextract.config.ReviewPolicy(
                java.util.Set.of(),
                0.85,
                List.of(
                    new io.docextract.checks.Check.DateRange("plausible-date", "date", 30),
                    new io.docextract.checks.Check.Matches(
                        "money", "total", java.util.regex.Pattern.compile("\\d+\\.\\d{2}"))),
                null));
    PCollectionTuple out =
        p.apply(
                Create.of(
                        new Extraction(
                            r, new Completion(reply, StopReason.COMPLETE_JSON, 100, 20, 5, 50)))
                    .withCoder(SerializableCoder.of(Extraction.class)))
            .apply(ValidateRecords.against(List.of(checked), Fixtures.stories(512, 64)));
    PAssert.that(out.get(ValidateRecords.RECORDS)).empty();
    PAssert.that(
            out.get(ValidateRecords.FAILURES)
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ReviewItem i) ->
                                i.reason().code()
                                    + "|"
                                    + i.message()
                                    + "|"
                                    + i.validatorMessages())))
        .containsInAnyOrder(
            "check_failed|failed checks: plausible-date|"
                + "[plausible-date: date 2099-02-01 is in the future]");
    p.run().waitUntilFinish();
  }

  @Test
  public void aRecordBelowTheConfidenceThresholdGoesToReviewNamingTheWeakFields() {
    String text = "KEDAI MAJU SDN BHD\nNO 5, JALAN SATU\nDATE 01/02/2019\nTOTAL 9.00";
    String reply =
        "{\"company\":\"KEDAI MAJU SDN BHD\",\"date\":\"01/02/2019\","
            + "\"address\":\"NO 5, JALAN SATU\",\"total\":\"9.00\"}";
    var base = Fixtures.type("receipt", List.of());
    // No rules: every field scores 0.9, under a 0.95 threshold; over a 0.8 one.
    List<String> routed = new java.util.ArrayList<>();
    for (double threshold : new double[] {0.95, 0.8}) {
      var typed =
          withReview(
              base,
              new io.docextract.config.ReviewPolicy(
                  java.util.Set.of(), 0.85, List.of(), threshold));
      ExtractionRequest r =
          new ExtractionRequest("t" + threshold, "/in/x", "text/plain", "receipt", text, false, 3);
      PCollectionTuple out =
          p.apply(
                  "In" + threshold,
                  Create.of(
                          new Extraction(
                              r, new Completion(reply, StopReason.COMPLETE_JSON, 100, 20, 5, 50)))
                      .withCoder(SerializableCoder.of(Extraction.class)))
              .apply(
                  "Validate" + threshold,
                  ValidateRecords.against(List.of(typed), Fixtures.stories(512, 64)));
      if (threshold > 0.9) {
        PAssert.that(out.get(ValidateRecords.RECORDS)).empty();
        PAssert.that(
                out.get(ValidateRecords.FAILURES)
                    .apply(
                        "Reasons" + threshold,
                        MapElements.into(TypeDescriptors.strings())
                            .via((ReviewItem i) -> i.reason().code() + "|" + i.message())))
            .containsInAnyOrder(
                "low_confidence|confidence 0.9 < 0.95 for: company, date," + " address, total");
      } else {
        PAssert.that(out.get(ValidateRecords.FAILURES)).empty();
        PAssert.that(
                out.get(ValidateRecords.RECORDS)
                    .apply(
                        "Confidence" + threshold,
                        MapElements.into(TypeDescriptors.strings())
                            .via(
                                (ExtractedRecord x) ->
                                    String.valueOf(x.lineage().get("confidence")))))
            .containsInAnyOrder(
                "{document=0.9, fields={company=0.9, date=0.9, address=0.9," + " total=0.9}}");
      }
    }
    p.run().waitUntilFinish();
  }

  @Test
  public void aReviewItemCarriesTheFieldsTheRecordWouldHaveHeld() {
    String text = "KEDAI MAJU SDN BHD\nNO 5, JALAN SATU\nDATE 01/02/2019\nTOTAL 9.00";
    ExtractionRequest r =
        new ExtractionRequest("doc", "/in/doc", "text/plain", "receipt", text, false, 3);
    String reply =
        "{\"company\":\"KEDAI MAJU SDN BHD\",\"date\":\"01/02/2019\","
            + "\"address\":\"NO 5, JALAN SATU\",\"total\":\"9.00\"}";
    var base = Fixtures.type("receipt", List.of());
    // The same reply decided twice: once under a threshold it meets, once under one it cannot.
    var accepting = base;
    var refusing =
        withReview(
            base, new io.docextract.config.ReviewPolicy(java.util.Set.of(), 0.85, List.of(), 0.99));
    var in =
        p.apply(
            Create.of(
                    new Extraction(
                        r, new Completion(reply, StopReason.COMPLETE_JSON, 100, 20, 5, 50)))
                .withCoder(SerializableCoder.of(Extraction.class)));
    PCollectionTuple written =
        in.apply(
            "Accepting", ValidateRecords.against(List.of(accepting), Fixtures.stories(512, 64)));
    PCollectionTuple reviewed =
        in.apply("Refusing", ValidateRecords.against(List.of(refusing), Fixtures.stories(512, 64)));

    PAssert.that(
            written
                .get(ValidateRecords.RECORDS)
                .apply(
                    "RecordFields",
                    MapElements.into(TypeDescriptors.strings())
                        .via((ExtractedRecord x) -> x.fields())))
        .containsInAnyOrder(reply);
    PAssert.that(
            reviewed
                .get(ValidateRecords.FAILURES)
                .apply(
                    "Proposal",
                    MapElements.into(TypeDescriptors.strings())
                        .via((ReviewItem x) -> x.reason().code() + ":" + x.fields())))
        .containsInAnyOrder("low_confidence:" + reply);
    p.run().waitUntilFinish();
  }

  @Test
  public void aPhotosTextIsDecidedUnderTheOcrThreshold() {
    String text = "KEDAI MAJU SDN BHD\nNO 5, JALAN SATU\nDATE 01/02/2019\nTOTAL 9.00";
    String reply =
        "{\"company\":\"KEDAI MAJU SDN BHD\",\"date\":\"01/02/2019\","
            + "\"address\":\"NO 5, JALAN SATU\",\"total\":\"9.00\"}";
    var base = Fixtures.type("receipt", List.of());
    // A threshold the reply meets on text, and an OCR threshold it cannot meet.
    var type =
        withReview(
            base,
            new io.docextract.config.ReviewPolicy(
                java.util.Set.of(),
                0.85,
                List.of(),
                0.0,
                io.docextract.checks.InjectionDetector.standard(),
                0.99));
    ExtractionRequest fromText =
        new ExtractionRequest("txt", "/in/r.txt", "text/plain", "receipt", text, false, 3);
    ExtractionRequest fromPhoto =
        new ExtractionRequest(
            "jpg", "/in/r.jpg", "image/jpeg", "receipt", text, false, 3, null, 0, 1, 0, true);
    Completion c = new Completion(reply, StopReason.COMPLETE_JSON, 100, 20, 5, 50);
    PCollectionTuple out =
        p.apply(
                Create.of(new Extraction(fromText, c), new Extraction(fromPhoto, c))
                    .withCoder(SerializableCoder.of(Extraction.class)))
            .apply(ValidateRecords.against(List.of(type), Fixtures.stories(512, 64)));

    PAssert.that(
            out.get(ValidateRecords.RECORDS)
                .apply(
                    "RecordIds",
                    MapElements.into(TypeDescriptors.strings()).via((ExtractedRecord x) -> x.id())))
        .containsInAnyOrder("txt");
    PAssert.that(
            out.get(ValidateRecords.FAILURES)
                .apply(
                    "ReviewIds",
                    MapElements.into(TypeDescriptors.strings())
                        .via((ReviewItem x) -> x.id() + ":" + x.reason().code())))
        .containsInAnyOrder("jpg:low_confidence");
    p.run().waitUntilFinish();
  }

  @Test
  public void anUncalibratedTypeSendsAZeroConfidenceRecordToReview() {
    // Schema-valid, nothing must be grounded, no threshold: the old route wrote this as a record.
    String text = "Invoice from Acme Widget Supply Co.\nQty 10\nTotal due USD 669.60";
    ExtractionRequest r =
        new ExtractionRequest("inv", "/in/inv", "text/plain", "receipt", text, false, 3);
    String invented =
        "{\"company\":\"PINECREST MANUFACTURING INC.\",\"date\":\"01/02/2019\","
            + "\"address\":\"NO 5, JALAN SATU\",\"total\":\"10\"}";
    PCollectionTuple out =
        p.apply(
                Create.of(
                        new Extraction(
                            r, new Completion(invented, StopReason.COMPLETE_JSON, 100, 20, 5, 50)))
                    .withCoder(SerializableCoder.of(Extraction.class)))
            .apply(
                ValidateRecords.against(
                    List.of(Fixtures.type("receipt", List.of())), Fixtures.stories(512, 64)));
    PAssert.that(out.get(ValidateRecords.RECORDS)).empty();
    PAssert.that(
            out.get(ValidateRecords.FAILURES)
                .apply(
                    "Reason",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ReviewItem x) ->
                                x.reason().code()
                                    + ":"
                                    + x.message().contains("no calibrated review.minConfidence"))))
        .containsInAnyOrder("low_confidence:true");
    p.run().waitUntilFinish();
  }

  /** The fixture type with another review policy. */
  private static io.docextract.config.DocumentTypeConfig withReview(
      io.docextract.config.DocumentTypeConfig base, io.docextract.config.ReviewPolicy review) {
    return new io.docextract.config.DocumentTypeConfig(
        base.name(),
        base.schema(),
        base.match(),
        base.prompt(),
        java.util.Map.of(),
        null,
        false,
        review);
  }
}
