package io.docextract.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code docextract review}: what people correct comes back as data. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = "Work with labelled and reviewed documents.",
    subcommands = {ExportCommand.class, ImportCommand.class})
public final class ReviewCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: export, import");
  }
}
