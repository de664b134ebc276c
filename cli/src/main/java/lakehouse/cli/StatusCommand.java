package lakehouse.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lakehouse.cli.metrics.ArrivalHistory;
import lakehouse.cli.metrics.LatenessRecommendation;
import lakehouse.gold.snapshot.GoldSnapshot;
import lakehouse.gold.snapshot.GoldSnapshots;
import lakehouse.gold.status.LakeStatus;
import lakehouse.gold.status.PartitionRange;
import lakehouse.gold.status.PartitionStatus;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.config.LatenessRecommendationSettings;
import lakehouse.shared.run.RunReportWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: every table's partitions with their rows, the run that last changed them and
 * when, and whether they are stale: a silver feature group whose events changed after it was built,
 * a gold partition whose silver inputs changed after its promotion (per the gold lineage), or a
 * gold table of a feature version other than the configured one. The rules are {@link
 * lakehouse.gold.status.Staleness}'s; the command reads the range and renders. Below them, the
 * allowed lateness in force beside the one the last nights' lateness recommends ({@link
 * LatenessRecommendation}), and the recent consistent gold snapshots that training sets are read
 * at; {@code --json} prints {@code {"partitions": [...], "allowed_lateness": {...}, "snapshots":
 * [...]}}.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows each table's partitions: rows, the run that wrote them, when, and whether they are"
            + " stale; and the allowed lateness the last nights recommend.")
final class StatusCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First partition to show.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last partition to show.")
  LocalDate to;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(
      names = "--snapshots",
      description =
          "List the recent consistent gold snapshots (training-set takes them) instead of"
              + " partitions; with --json, as a JSON array.")
  boolean snapshots;

  /** How many snapshots are listed, newest first. */
  static final int RECENT_SNAPSHOTS = 10;

  private final CommandEnvironment environment;

  StatusCommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    if (from != null && to != null && to.isBefore(from)) {
      throw new ConfigurationException("--to " + to + " is before --from " + from);
    }
    LakehouseConfig config =
        new ConfigLoader().load(common.conf, ConfigLoader.overrides(common.lake, common.settings));
    SparkSession spark = environment.sessions().open("lakehouse status", config.sparkSettings());
    try {
      List<GoldSnapshot> recent = new GoldSnapshots(spark, config.lake()).recent(RECENT_SNAPSHOTS);
      if (snapshots) {
        printSnapshots(recent);
        return ExitStatus.DONE;
      }
      List<PartitionStatus> partitions =
          new LakeStatus(spark, config.lake(), config.gold())
              .partitions(new PartitionRange(Optional.ofNullable(from), Optional.ofNullable(to)));
      LatenessRecommendationSettings recommending = config.metrics().latenessRecommendation();
      LatenessRecommendation lateness =
          LatenessRecommendation.of(
              ArrivalHistory.newest(
                  spark.sparkContext().hadoopConfiguration(),
                  config.lake().runs(),
                  recommending.nights()),
              recommending.keepShare(),
              config.silver().allowedLatenessDays());
      print(partitions, lateness, recent);
      return ExitStatus.DONE;
    } finally {
      environment.sessions().close(spark);
    }
  }

  private void printSnapshots(List<GoldSnapshot> recent) {
    Console console = environment.console();
    if (json) {
      console.progress(RunReportWriter.toJson(recent));
      return;
    }
    if (recent.isEmpty()) {
      console.progress("no consistent snapshot taken yet (training-set takes one)");
      return;
    }
    String format = "%-60s %-30s %s";
    console.progress(String.format(format, "snapshot", "taken (UTC)", "versions"));
    for (GoldSnapshot snapshot : recent) {
      console.progress(
          String.format(format, snapshot.snapshotId(), snapshot.takenAt(), snapshot.tables()));
    }
  }

  private void print(
      List<PartitionStatus> rows, LatenessRecommendation lateness, List<GoldSnapshot> recent) {
    Console console = environment.console();
    if (json) {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("partitions", rows);
      status.put("allowed_lateness", lateness);
      status.put("snapshots", recent);
      console.progress(RunReportWriter.toJson(status));
      return;
    }
    if (rows.isEmpty()) {
      console.progress("the lake holds no table yet");
    } else {
      printPartitions(console, rows);
    }
    console.progress(lateness.line());
    if (!recent.isEmpty()) {
      console.progress("");
      printSnapshots(recent);
    }
  }

  private static void printPartitions(Console console, List<PartitionStatus> rows) {
    String format = "%-30s %-10s %12s  %-40s %-24s %s";
    console.progress(
        String.format(format, "table", "partition", "rows", "run", "written (UTC)", "stale"));
    for (PartitionStatus row : rows) {
      console.progress(
          String.format(
              format,
              row.table(),
              row.partition(),
              String.format("%,d", row.rows()),
              row.runId() == null ? "-" : row.runId(),
              row.writtenAt() == null ? "-" : row.writtenAt(),
              row.stale() == null ? "no" : "STALE: " + row.stale()));
    }
  }
}
