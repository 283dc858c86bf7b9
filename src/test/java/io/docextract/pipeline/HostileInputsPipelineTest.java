package io.docextract.pipeline;

import static org.junit.Assert.assertFalse;

import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParsedDocument;
import io.docextract.review.ReviewItem;
import io.docextract.testing.HostileInputs;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * ParseDocuments on every hostile input of issue 10, generated into a folder and matched like a
 * run's input: each file (each part, for containers) leaves exactly once, parsed or with its
 * reason, the 300 MB file is refused by size unread, and no output carries a local file's text.
 */
public class HostileInputsPipelineTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyHostileInputEndsOnceWithItsReason() throws Exception {
    Path dir = Files.createDirectories(tmp.getRoot().toPath().resolve("in"));
    Map<String, String> expected = HostileInputs.writeAll(dir);
    String prefix = dir + "/";

    PCollectionTuple out =
        p.apply(FileIO.match().filepattern(dir + "/*"))
            .apply(FileIO.readMatches())
            .apply(ParseDocuments.create().withLimits(ParseLimits.defaults()));

    PCollection<String> parsed =
        out.get(ParseDocuments.PARSED)
            .apply(
                "Parsed",
                MapElements.into(TypeDescriptors.strings())
                    .via((ParsedDocument d) -> d.source().substring(prefix.length()) + ":parsed"));
    PCollection<String> failed =
        out.get(ParseDocuments.FAILURES)
            .apply(
                "Failed",
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        (ReviewItem r) ->
                            r.source().substring(prefix.length()) + ":" + r.reason().code()));
    List<String> want = new ArrayList<>();
    expected.forEach((name, end) -> want.add(name + ":" + end));
    PAssert.that(PCollectionList.of(parsed).and(failed).apply(Flatten.pCollections()))
        .containsInAnyOrder(want);
    PAssert.that(out.get(ParseDocuments.PARSED))
        .satisfies(
            docs -> {
              docs.forEach(d -> assertFalse(d.source(), d.text().contains(HostileInputs.SECRET)));
              return null;
            });
    PAssert.that(out.get(ParseDocuments.FAILURES))
        .satisfies(
            items -> {
              items.forEach(
                  r ->
                      assertFalse(
                          r.source(), String.valueOf(r.message()).contains(HostileInputs.SECRET)));
              return null;
            });
    p.run().waitUntilFinish();
  }
}
