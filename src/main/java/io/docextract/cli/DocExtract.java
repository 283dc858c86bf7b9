package io.docextract.cli;

import io.docextract.model.ModelRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code docextract} command. */
@Command(
    name = "docextract",
    mixinStandardHelpOptions = true,
    version = "docextract 0.1.0",
    description = "Batch document extraction: Tika + a small local model + JSON Schema, on Beam.",
    subcommands = {
      RunCommand.class,
      EvalCommand.class,
      CalibrateCommand.class,
      PromoteCommand.class,
      LabelCommand.class,
      BenchCommand.class,
      FinetuneCommand.class,
      ReviewCommand.class,
      ServeCommand.class,
      ClassifyCommand.class,
      SynthCommand.class,
      SynthScansCommand.class,
      ModelsCommand.class,
      OcrCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (documents may still have gone to review)",
      "1:unexpected failure",
      "2:bad command line or pipeline file",
      "3:the input matched no file",
      "4:the model is missing, unreadable or fails its checksum",
      "5:the job failed while running",
      "6:promote refused the challenger (nothing changed)"
    })
public final class DocExtract implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'run'");
  }

  public static CommandLine commandLine() {
    return new CommandLine(new DocExtract())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (e instanceof CommandFailure f) {
                cmd.getErr().println("docextract: " + f.getMessage());
                return f.exitCode();
              }
              cmd.getErr().println("docextract: " + e);
              return ExitCodes.FAILED;
            });
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    ModelRuntime.shutdownIdle();
    // java-llama.cpp leaves a non-daemon thread behind after close (kherud/java-llama.cpp#116).
    System.exit(code);
  }
}
