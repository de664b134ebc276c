package lakehouse.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lakehouse.bronze.LandingFile;
import lakehouse.bronze.LandingZone;
import lakehouse.gold.GoldResult;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.error.LakehouseException;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.pii.PiiKeySource;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.run.BackfillFingerprint;
import lakehouse.shared.run.BackfillLedger;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.tables.UserDailyActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backfill --from D1 --to D2 [--layers ...]}: the run of every date of the range, in order,
 * in one Spark application, resumable: started again after a crash, it skips the dates already
 * completed with the same inputs and configuration.
 *
 * <p>With {@code --layers gold} alone the dates do not build on each other (each reads silver as it
 * is), so they are rebuilt in batches of {@code lakehouse.backfill.gold-rebuild-batch-days}, each
 * batch promoted in one commit per table.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description =
        "Runs each ingest date from D1 to D2 in order, in one Spark application; resumable. "
            + "With --layers gold, rebuilds gold from silver.")
final class BackfillCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BackfillCommand.class);

  @Mixin CommonOptions common;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "First ingest date.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Last ingest date (included).")
  LocalDate to;

  @Option(
      names = "--layers",
      defaultValue = "bronze,silver,gold",
      paramLabel = "LIST",
      description = "Layers to run, comma-separated (default: ${DEFAULT-VALUE}).")
  String layerList;

  @Option(
      names = "--restart",
      description = "Redo every date, even those a previous attempt completed.")
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
    List<String> arguments =
        List.of("--from", from.toString(), "--to", to.toString(), "--layers", layerList);
    LakeRun backfill = LakeRun.prepare("backfill", arguments, common, environment);
    PiiTokenizer tokenizer =
        layers.contains(Layer.BRONZE)
            ? PiiKeySource.tokenizer(
                backfill.config().pii(), environment.variables(), console::warn)
            : null;
    try (backfill) {
      backfill.watchesLake();
      backfill.startWriting();
      String ledgerPath =
          backfill.config().lake().runs()
              + "/backfills/"
              + from
              + "_"
              + to
              + "_"
              + layers.stream().map(Layer::label).collect(Collectors.joining("-"))
              + ".json";
      BackfillLedger ledger =
          BackfillLedger.open(ledgerPath, backfill.spark().sparkContext().hadoopConfiguration());
      NightlyRun nightly =
          new NightlyRun(
              backfill.spark(),
              backfill.config(),
              tokenizer,
              console,
              clock,
              backfill.cost(),
              backfill::goldUpToDate);
      Range range = new Range(backfill, ledger, layers);
      if (layers.equals(EnumSet.of(Layer.GOLD))) {
        range.rebuildGold(nightly, backfill.config().backfill().goldRebuildBatchDays());
      } else {
        range.runEachDate(nightly);
      }
      backfill.layer("dates", range.dates);
      return backfill.end(range.outcome());
    }
  }

  /**
   * The range's progress: what each date did, the ledger that outlives a crash, and the overall
   * status.
   */
  private final class Range {
    private final LakeRun backfill;
    private final BackfillLedger ledger;
    private final Set<Layer> layers;
    private final BackfillFingerprint fingerprints;
    private final Map<String, Object> dates = new LinkedHashMap<>();
    private RunStatus status = RunStatus.SUCCEEDED;
    private String error;
    private String inputVersions;

    Range(LakeRun backfill, BackfillLedger ledger, Set<Layer> layers) {
      this.backfill = backfill;
      this.ledger = ledger;
      this.layers = layers;
      this.fingerprints = new BackfillFingerprint(backfill.config().effective(), layers.toString());
    }

    /**
     * How the range ended: failed at its first failed date, else with rejections if any date had
     * some.
     */
    RunOutcome outcome() {
      return new RunOutcome(status, Optional.ofNullable(error));
    }

    /**
     * Each date in order, every layer; stops at the first failure, since later dates build on it.
     */
    void runEachDate(NightlyRun nightly) throws Exception {
      for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
        String fingerprint = fingerprint(date);
        if (isCompleted(date, fingerprint)) {
          continue;
        }
        String dateRunId = backfill.runId() + "-" + date;
        Map<String, Object> layerReports = new LinkedHashMap<>();
        try {
          boolean rejections =
              nightly.run(
                  date,
                  dateRunId,
                  layers,
                  (layer, result) -> {
                    layerReports.put(layer, result);
                    backfill.counted(result);
                  });
          completed(
              date,
              fingerprint,
              dateRunId,
              rejections ? RunStatus.SUCCEEDED_WITH_REJECTIONS : RunStatus.SUCCEEDED,
              layerReports);
        } catch (Exception e) {
          failed(List.of(date), dateRunId, layerReports, e);
          return;
        }
      }
    }

    /** Gold alone, in batches of dates rebuilt together; stops at the first failed batch. */
    void rebuildGold(NightlyRun nightly, int batchDays) throws Exception {
      for (LocalDate batchStart = from;
          !batchStart.isAfter(to);
          batchStart = batchStart.plusDays(batchDays)) {
        Map<LocalDate, String> pending = new TreeMap<>();
        for (int day = 0; day < batchDays && !batchStart.plusDays(day).isAfter(to); day++) {
          LocalDate date = batchStart.plusDays(day);
          String fingerprint = fingerprint(date);
          if (!isCompleted(date, fingerprint)) {
            pending.put(date, fingerprint);
          }
        }
        if (pending.isEmpty()) {
          continue;
        }
        TreeSet<LocalDate> batch = new TreeSet<>(pending.keySet());
        String batchRunId =
            backfill.runId() + "-" + batch.first() + (batch.size() > 1 ? "_" + batch.last() : "");
        try {
          GoldResult gold = nightly.rebuildGold(batch, batchRunId);
          backfill.counted(gold);
          for (Map.Entry<LocalDate, String> date : pending.entrySet()) {
            // The batch's report goes with its first date; the others point to it.
            Object goldReport =
                date.getKey().equals(batch.first())
                    ? gold
                    : Map.of("rebuilt_with", batch.first().toString());
            Map<String, Object> layerReports = Map.of(Layer.GOLD.label(), goldReport);
            completed(
                date.getKey(), date.getValue(), batchRunId, RunStatus.SUCCEEDED, layerReports);
          }
        } catch (Exception e) {
          failed(List.copyOf(batch), batchRunId, Map.of(), e);
          return;
        }
      }
    }

    /** Read once: the backfill does not write these tables, and each look-up reads a Delta log. */
    private String inputVersions() {
      if (inputVersions == null) {
        LakeLayout lake = backfill.config().lake();
        inputVersions =
            layers.contains(Layer.SILVER)
                ? "bronze@" + DeltaPartitionWriter.version(backfill.spark(), lake.bronzeEvents())
                : "silver@"
                    + DeltaPartitionWriter.version(backfill.spark(), lake.silverEvents())
                    + " groups@"
                    + DeltaPartitionWriter.version(
                        backfill.spark(),
                        lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
      }
      return inputVersions;
    }

    private boolean isCompleted(LocalDate date, String fingerprint) {
      if (restart || !ledger.isCompleted(date, fingerprint)) {
        return false;
      }
      console.progress(
          "backfill "
              + date
              + ": already completed with the same inputs and configuration, skipped");
      dates.put(date.toString(), Map.of("status", "skipped"));
      return true;
    }

    private void completed(
        LocalDate date,
        String fingerprint,
        String runId,
        RunStatus dateStatus,
        Map<String, Object> layerReports)
        throws Exception {
      ledger.complete(date, fingerprint, runId, dateStatus.label());
      dates.put(
          date.toString(),
          Map.of("status", dateStatus.label(), "run_id", runId, "layers", layerReports));
      console.progress("backfill " + date + ": " + dateStatus.label());
      if (dateStatus == RunStatus.SUCCEEDED_WITH_REJECTIONS) {
        status = dateStatus;
      }
    }

    private void failed(
        List<LocalDate> failedDates, String runId, Map<String, Object> layerReports, Exception e) {
      String reason = e instanceof LakehouseException ? e.getMessage() : e.toString();
      for (LocalDate date : failedDates) {
        dates.put(
            date.toString(),
            Map.of(
                "status",
                RunStatus.FAILED.label(),
                "run_id",
                runId,
                "layers",
                layerReports,
                "error",
                reason));
      }
      LocalDate first = failedDates.get(0);
      status = RunStatus.FAILED;
      error = first + ": " + reason;
      console.error(
          "backfill "
              + first
              + " failed: "
              + reason
              + "; start the same backfill again to resume from "
              + first);
      LOG.error("backfill {} failed at {}", backfill.runId(), first, e);
    }

    /**
     * Inputs and configuration of a date: with bronze, the date's landing files; otherwise the
     * versions of the tables the first layer reads (bronze for silver, silver for gold), which the
     * backfill itself does not write. A restart redoes a date whose fingerprint changed.
     */
    private String fingerprint(LocalDate date) throws Exception {
      List<String> inputs = new ArrayList<>();
      if (layers.contains(Layer.BRONZE)) {
        for (LandingFile file :
            new LandingZone(
                    backfill.config().lake(), backfill.spark().sparkContext().hadoopConfiguration())
                .filesOf(date)) {
          inputs.add(file.fingerprint());
        }
      } else {
        inputs.add(inputVersions());
      }
      return fingerprints.of(inputs);
    }
  }
}
