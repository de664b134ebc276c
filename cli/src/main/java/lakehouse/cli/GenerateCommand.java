package lakehouse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import lakehouse.generate.GenerationSummary;
import lakehouse.generate.GeneratorRates;
import lakehouse.generate.GeneratorSpec;
import lakehouse.generate.LandingGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: writes realistic landing files the way producers would. Deterministic: the same
 * arguments give the same bytes. Needs no SparkSession.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes landing files (v1 and v2; late, duplicate, invalid, future, too-late and hot-key events) "
        + "to PATH/landing/ad_events/ingest_date=YYYY-MM-DD/. The same arguments give the same bytes.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "Lake root (or any folder) to write the landing zone under.")
  Path out;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First ingest date.")
  LocalDate from;

  @Option(names = "--days", defaultValue = "1", paramLabel = "N", description = "Number of ingest dates (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--events-per-day", defaultValue = "10000", paramLabel = "N", description = "Records per ingest date (default: ${DEFAULT-VALUE}).")
  long eventsPerDay;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--files-per-day", defaultValue = "24", paramLabel = "N", description = "Hourly dumps per day (default: ${DEFAULT-VALUE}).")
  int filesPerDay;

  @Option(names = "--corrupt-files", description = "Also write one truncated file per day.")
  boolean corruptFiles;

  @Option(names = "--unknown-schema-files", description = "Also write one file per day in an unregistered schema.")
  boolean unknownSchemaFiles;

  @Option(names = "--v1-share", paramLabel = "P", description = "Share of files in schema version 1.")
  Double v1Share;

  @Option(names = "--late-share", paramLabel = "P", description = "Share of late events (1-2 days old).")
  Double lateShare;

  @Option(names = "--duplicate-share", paramLabel = "P", description = "Share of duplicated events.")
  Double duplicateShare;

  @Option(names = "--invalid-share", paramLabel = "P", description = "Share of invalid records.")
  Double invalidShare;

  @Option(names = "--future-share", paramLabel = "P", description = "Share of events from the future.")
  Double futureShare;

  @Option(names = "--too-late-share", paramLabel = "P", description = "Share of events past the lateness window.")
  Double tooLateShare;

  @Option(names = "--hot-user-share", paramLabel = "P", description = "Share of events of the one hot user.")
  Double hotUserShare;

  @Option(names = "--hot-ad-share", paramLabel = "P", description = "Share of events of the one hot ad.")
  Double hotAdShare;

  private final Console console;

  GenerateCommand(CommandEnvironment environment) {
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    GeneratorSpec generatorSpec;
    try {
      generatorSpec = new GeneratorSpec(from, days, eventsPerDay, seed, rates(), corruptFiles, unknownSchemaFiles,
          filesPerDay);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long started = System.nanoTime();
    GenerationSummary summary = new LandingGenerator().generate(out, generatorSpec);
    console.progress(summary.describe());
    console.progress(String.format("generate: %,d records in %d files under %s (%.1f s)",
        summary.records(), summary.files().size(), out.resolve("landing/ad_events"),
        (System.nanoTime() - started) / 1e9));
    return ExitStatus.DONE;
  }

  private GeneratorRates rates() {
    GeneratorRates d = GeneratorRates.defaults();
    return new GeneratorRates(
        or(v1Share, d.v1Share()), or(lateShare, d.lateShare()), or(duplicateShare, d.duplicateShare()),
        or(invalidShare, d.invalidShare()), or(futureShare, d.futureShare()), or(tooLateShare, d.tooLateShare()),
        or(hotUserShare, d.hotUserShare()), or(hotAdShare, d.hotAdShare()));
  }

  private static double or(Double given, double fallback) {
    return given == null ? fallback : given;
  }
}
