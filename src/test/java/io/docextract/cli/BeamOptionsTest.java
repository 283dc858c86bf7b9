package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.junit.jupiter.api.Test;

class BeamOptionsTest {

  @Test
  void directRunnerGetsOneWorkerUnlessAskedForMore() {
    assertEquals(1, BeamOptions.parse(List.of()).as(DirectOptions.class).getTargetParallelism());
    assertEquals(
        4,
        BeamOptions.parse(List.of("--targetParallelism=4"))
            .as(DirectOptions.class)
            .getTargetParallelism());
  }

  @Test
  void unknownOptionIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> BeamOptions.parse(List.of("--noSuchOption=1")));
  }
}
