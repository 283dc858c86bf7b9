package io.docextract.cli;

import io.docextract.synth.SynthCorpus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract synth}: a synthetic corpus with gold, for growth and capacity runs. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write N synthetic receipts and invoices (text, HTML and PDF; varied layouts) under"
          + " DIR/receipts and DIR/invoices, with DIR/gold.jsonl for eval. The same seed gives"
          + " the same bytes.",
      "Invoices also come as DOCX, in English, German, French, Dutch or Spanish, with several"
          + " currencies, number and date formats, tax, discounts, credit notes and two-page"
          + " layouts; their gold has the date as ISO and the currency as its code.",
      "",
      "--types invoice-online adds invoices as online services print them (subscriptions,"
          + " hosting, telephone: number and dates first, the amount due or paid as a headline,"
          + " plans with their period, Amount due/paid under the total), in EN, DE and FR.",
      "",
      "Example: docextract synth --out /tmp/synth --count 10000 --seed 7",
      "         docextract synth --out /tmp/invoices --count 300 --seed 19 --types invoice",
      "         docextract synth --out /tmp/inv2 --count 300 --seed 29 --types invoice,invoice-online"
    })
public final class SynthCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Option(names = "--count", required = true, paramLabel = "N")
  int count;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42")
  long seed;

  @Option(
      names = "--types",
      paramLabel = "T,...",
      split = ",",
      description =
          "document types, in turn: receipt, invoice, invoice-online (default: receipt,invoice)")
  List<String> types = new ArrayList<>(SynthCorpus.TYPES);

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--count must be at least 1, got " + count);
    }
    Map<String, Integer> written;
    try {
      written = SynthCorpus.write(out, count, seed, types);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "synth: %d documents %s (seed %d) in %s, gold: %s%n",
        count, written, seed, out, out.resolve("gold.jsonl"));
    o.flush();
    return ExitCodes.OK;
  }
}
