package lakehouse.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lakehouse.cli.metrics.ArrivalHistory;
import lakehouse.cli.metrics.LatenessRecommendation;
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
 * LatenessRecommendation}); {@code --json} prints {@code {"partitions": [...], "allowed_lateness":
 * {...}}}.
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
      print(partitions, lateness);
      return ExitStatus.DONE;
    } finally {
      environment.sessions().close(spark);
    }
  }

  private void print(List<PartitionStatus> rows, LatenessRecommendation lateness) {
    Console console = environment.console();
    if (json) {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("partitions", rows);
      status.put("allowed_lateness", lateness);
      console.progress(RunReportWriter.toJson(status));
      return;
    }
    if (rows.isEmpty()) {
      console.progress("the lake holds no table yet");
    } else {
      printPartitions(console, rows);
    }
    console.progress(lateness.line());
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
