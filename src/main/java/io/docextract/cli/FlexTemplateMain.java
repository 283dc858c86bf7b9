package io.docextract.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the Dataflow Flex Template (dataflow/Dockerfile): the template launcher calls it
 * with each template parameter as {@code --name=value} plus Dataflow's own options, and it runs
 * {@code docextract run --detach} with them, on the DataflowRunner unless a runner is named. The
 * launch returns once the job is submitted; the job itself writes records and review.
 */
public final class FlexTemplateMain {

  private FlexTemplateMain() {}

  /** The {@code docextract} command line a template launch stands for. */
  static String[] commandLine(String... launcherArgs) {
    List<String> args = new ArrayList<>(List.of("run", "--detach"));
    args.addAll(Arrays.asList(launcherArgs));
    if (args.stream().noneMatch(a -> a.startsWith("--runner"))) {
      args.add("--runner=DataflowRunner");
    }
    return args.toArray(String[]::new);
  }

  public static void main(String[] args) {
    DocExtract.main(commandLine(args));
  }
}
