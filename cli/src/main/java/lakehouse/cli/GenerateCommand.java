package lakehouse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.generate.GenerationSummary;
import lakehouse.generate.GeneratorRates;
import lakehouse.generate.GeneratorSpec;
import lakehouse.generate.LandingGenerator;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.spark.LakehouseSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: writes realistic landing files the way producers would, on local disk or S3.
 * Deterministic: the same arguments give the same bytes. Needs no SparkSession.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes landing files (v1 and v2; late, duplicate, invalid, future, too-late and hot-key events) "
            + "to PATH/landing/ad_events/ingest_date=YYYY-MM-DD/. The same arguments give the same bytes.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "PATH",
      description =
          "Lake root (or any folder) to write the landing zone under: a local path or s3a://bucket/prefix.")
  String out;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description =
          "HOCON file whose lakehouse.spark \"spark.hadoop.*\" settings reach --out (an S3 endpoint, for example).")
  Path conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting of --conf. Repeatable.")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "First ingest date.")
  LocalDate from;

  @Option(
      names = "--days",
      defaultValue = "1",
      paramLabel = "N",
      description = "Number of ingest dates (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--events-per-day",
      defaultValue = "10000",
      paramLabel = "N",
      description = "Records per ingest date (default: ${DEFAULT-VALUE}).")
  long eventsPerDay;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--files-per-day",
      defaultValue = "24",
      paramLabel = "N",
      description = "Hourly dumps per day (default: ${DEFAULT-VALUE}).")
  int filesPerDay;

  @Option(names = "--corrupt-files", description = "Also write one truncated file per day.")
  boolean corruptFiles;

  @Option(
      names = "--unknown-schema-files",
      description = "Also write one file per day in an unregistered schema.")
  boolean unknownSchemaFiles;

  @Option(
      names = "--v1-share",
      paramLabel = "P",
      description = "Share of files in schema version 1.")
  Double v1Share;

  @Option(
      names = "--late-share",
      paramLabel = "P",
      description = "Share of late events (1-2 days old, see --late-days-max).")
  Double lateShare;

  @Option(
      names = "--late-days-max",
      paramLabel = "N",
      description =
          "How many days old late events go back (default 2): three in four are a day old, the"
              + " rest spread evenly over 2 to N days.")
  Integer lateDaysMax;

  @Option(
      names = "--duplicate-share",
      paramLabel = "P",
      description = "Share of duplicated events.")
  Double duplicateShare;

  @Option(names = "--invalid-share", paramLabel = "P", description = "Share of invalid records.")
  Double invalidShare;

  @Option(
      names = "--future-share",
      paramLabel = "P",
      description = "Share of events from the future.")
  Double futureShare;

  @Option(
      names = "--too-late-share",
      paramLabel = "P",
      description = "Share of events past the lateness window.")
  Double tooLateShare;

  @Option(
      names = "--hot-user-share",
      paramLabel = "P",
      description = "Share of events of the one hot user.")
  Double hotUserShare;

  @Option(
      names = "--hot-ad-share",
      paramLabel = "P",
      description = "Share of events of the one hot ad.")
  Double hotAdShare;

  private final Console console;

  GenerateCommand(CommandEnvironment environment) {
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    GeneratorSpec generatorSpec;
    try {
      generatorSpec =
          new GeneratorSpec(
              from,
              days,
              eventsPerDay,
              seed,
              rates(),
              corruptFiles,
              unknownSchemaFiles,
              filesPerDay);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LakehouseConfig config = new ConfigLoader().load(conf, ConfigLoader.overrides(null, settings));
    long started = System.nanoTime();
    GenerationSummary summary =
        new LandingGenerator()
            .generate(
                out, LakehouseSession.hadoopConfiguration(config.sparkSettings()), generatorSpec);
    console.progress(summary.describe());
    console.progress(
        String.format(
            "generate: %,d records in %d files under %s (%.1f s)",
            summary.records(),
            summary.files().size(),
            new LakeLayout(out).landingEvents(),
            (System.nanoTime() - started) / 1e9));
    return ExitStatus.DONE;
  }

  private GeneratorRates rates() {
    GeneratorRates d = GeneratorRates.defaults();
    return new GeneratorRates(
        or(v1Share, d.v1Share()),
        or(lateShare, d.lateShare()),
        or(duplicateShare, d.duplicateShare()),
        or(invalidShare, d.invalidShare()),
        or(futureShare, d.futureShare()),
        or(tooLateShare, d.tooLateShare()),
        or(hotUserShare, d.hotUserShare()),
        or(hotAdShare, d.hotAdShare()),
        lateDaysMax == null ? d.lateDaysMax() : lateDaysMax);
  }

  private static double or(Double given, double fallback) {
    return given == null ? fallback : given;
  }
}
