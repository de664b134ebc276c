package lakehouse.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lakehouse.bronze.LandingFile;
import lakehouse.bronze.LandingZone;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.pii.PiiKeySource;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.run.RunReport;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.tables.UserDailyActivity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backfill --from D1 --to D2 [--layers ...]}: the run of every date of the range, in order, in
 * one Spark application, resumable: started again after a crash, it skips the dates already completed
 * with the same inputs and configuration.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Runs each ingest date from D1 to D2 in order, in one Spark application; resumable. "
        + "With --layers gold, rebuilds gold from silver.")
final class BackfillCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First ingest date.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last ingest date (included).")
  LocalDate to;

  @Option(names = "--layers", defaultValue = "bronze,silver,gold", paramLabel = "LIST",
      description = "Layers to run, comma-separated (default: ${DEFAULT-VALUE}).")
  String layerList;

  @Option(names = "--restart", description = "Redo every date, even those a previous attempt completed.")
  boolean restart;

  private final CommandEnvironment environment;
  private final Console console;

  BackfillCommand(CommandEnvironment environment) {
    this.environment = environment;
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    Clock clock = environment.clock();
    if (to.isBefore(from)) {
      throw new ConfigurationException("--to " + to + " is before --from " + from);
    }
    Set<Layer> layers = Layer.parse(layerList);
    List<String> arguments = List.of("--from", from.toString(), "--to", to.toString(), "--layers", layerList);
    LakeRun backfill = LakeRun.prepare("backfill", arguments, common, environment);
    PiiTokenizer tokenizer = layers.contains(Layer.BRONZE)
        ? PiiKeySource.tokenizer(backfill.config().pii(), environment.variables(), console::warn) : null;
    try (backfill) {
      backfill.startWriting();
      String ledgerPath = backfill.config().lake().runs() + "/backfills/" + from + "_" + to + "_"
          + layers.stream().map(Layer::label).collect(Collectors.joining("-")) + ".json";
      BackfillLedger ledger = BackfillLedger.open(ledgerPath, backfill.spark().sparkContext().hadoopConfiguration());
      NightlyRun nightly = new NightlyRun(backfill.spark(), backfill.config(), tokenizer, console, clock);
      String configuration = ConfigLoader.maskedJson(backfill.config().effective());

      Map<String, Object> dates = new LinkedHashMap<>();
      RunStatus status = RunStatus.SUCCEEDED;
      String error = null;
      for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
        String fingerprint = fingerprint(backfill, date, layers, configuration);
        if (!restart && ledger.isCompleted(date, fingerprint)) {
          console.progress("backfill " + date + ": already completed with the same inputs and configuration, skipped");
          dates.put(date.toString(), Map.of("status", "skipped"));
          continue;
        }
        String dateRunId = backfill.runId() + "-" + date;
        Map<String, Object> layerReports = new LinkedHashMap<>();
        try {
          boolean rejections = nightly.run(date, dateRunId, layers, layerReports::put);
          RunStatus dateStatus = rejections ? RunStatus.SUCCEEDED_WITH_REJECTIONS : RunStatus.SUCCEEDED;
          ledger.complete(date, fingerprint, dateRunId, dateStatus.label());
          dates.put(date.toString(), Map.of("status", dateStatus.label(), "run_id", dateRunId, "layers", layerReports));
          console.progress("backfill " + date + ": " + dateStatus.label());
          if (rejections) {
            status = RunStatus.SUCCEEDED_WITH_REJECTIONS;
          }
        } catch (RuntimeException e) {
          // Later dates build on this one: stop here; a restart resumes from this date.
          dates.put(date.toString(), Map.of("status", RunStatus.FAILED.label(), "run_id", dateRunId,
              "layers", layerReports, "error", e.toString()));
          status = RunStatus.FAILED;
          error = date + ": " + e;
          console.error("backfill " + date + " failed: " + e + "; start the same backfill again to resume from " + date);
          break;
        }
      }
      backfill.layer("dates", dates);
      RunReport report = backfill.finish(status, error);
      console.progress("backfill " + backfill.runId() + ": " + report.status().label() + "; report "
          + backfill.config().lake().runReport(backfill.runId()));
      return report.exitStatus();
    }
  }

  /** Inputs and configuration of a date: the landing files (bronze), silver's versions (gold), the settings. */
  private static String fingerprint(LakeRun backfill, LocalDate date, Set<Layer> layers, String configuration)
      throws Exception {
    List<String> parts = new ArrayList<>();
    parts.add(configuration);
    parts.add(layers.toString());
    if (layers.contains(Layer.BRONZE)) {
      for (LandingFile file : new LandingZone(backfill.config().lake(),
          backfill.spark().sparkContext().hadoopConfiguration()).filesOf(date)) {
        parts.add(file.fingerprint());
      }
    } else {
      parts.add("silver@" + DeltaPartitionWriter.version(backfill.spark(), backfill.config().lake().silverEvents()));
      parts.add("groups@" + DeltaPartitionWriter.version(backfill.spark(),
          backfill.config().lake().featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION)));
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
  }
}
