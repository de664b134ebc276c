package lakehouse.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.delta.DeltaCommitLog;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: every table's partitions with their rows, the run that last changed them and when,
 * and whether they are stale: a silver feature group whose events changed after it was built, a gold
 * partition whose silver inputs changed after its promotion (per the gold lineage), or a gold table of a
 * feature version other than the configured one.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows each table's partitions: rows, the run that wrote them, when, and whether they are stale.")
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

  /** A table and the partition column status groups it by. */
  private record TableRef(String name, String path, String partitionColumn) {}

  @Override
  public Integer call() throws Exception {
    if (from != null && to != null && to.isBefore(from)) {
      throw new ConfigurationException("--to " + to + " is before --from " + from);
    }
    LakehouseConfig config = new ConfigLoader().load(common.conf, ConfigLoader.overrides(common.lake, common.settings));
    LakeLayout lake = config.lake();
    SparkSession spark = environment.sessions().open("lakehouse status", config.sparkSettings());
    try {
      List<TableStatus> rows = new ArrayList<>();
      TableRef silverEvents = new TableRef("silver/ad_events", lake.silverEvents(), SilverEvents.EVENT_DATE);
      rows.addAll(plain(spark, new TableRef("bronze/ad_events", lake.bronzeEvents(), BronzeEvents.INGEST_DATE)));
      rows.addAll(plain(spark, new TableRef("silver/quarantine", lake.quarantine(), Quarantine.PARTITION_COLUMN)));
      rows.addAll(plain(spark, silverEvents));
      for (String group : List.of(UserDailyActivity.NAME, AdHourlyActivity.NAME)) {
        String version = group.equals(UserDailyActivity.NAME) ? UserDailyActivity.VERSION : AdHourlyActivity.VERSION;
        rows.addAll(featureGroup(spark, new TableRef("silver/" + group + "/" + version,
            lake.featureGroup(group, version), UserDailyActivity.EVENT_DATE), silverEvents));
      }
      rows.addAll(gold(spark, lake, UserFeatures.NAME, config.gold().userFeaturesVersion(), UserFeatures.AS_OF_DATE,
          UserFeatures.WINDOW_DAYS));
      rows.addAll(gold(spark, lake, CampaignDaily.NAME, config.gold().campaignDailyVersion(), CampaignDaily.EVENT_DATE, 1));
      print(rows);
      return ExitStatus.DONE;
    } finally {
      environment.sessions().close(spark);
    }
  }

  private List<TableStatus> plain(SparkSession spark, TableRef table) {
    List<TableStatus> statuses = new ArrayList<>();
    for (Partition p : partitions(spark, table).values()) {
      statuses.add(new TableStatus(table.name(), p.key(), p.rows(), p.runId(), p.writtenAt(), null));
    }
    return statuses;
  }

  private List<TableStatus> featureGroup(SparkSession spark, TableRef group, TableRef events) {
    Map<String, Partition> inputs = partitions(spark, events);
    List<TableStatus> statuses = new ArrayList<>();
    for (Partition p : partitions(spark, group).values()) {
      Partition input = inputs.get(p.key());
      String stale = input != null && p.committedAt() >= 0 && input.committedAt() > p.committedAt()
          ? "silver/ad_events changed after it was built (run " + input.runId() + ")" : null;
      statuses.add(new TableStatus(group.name(), p.key(), p.rows(), p.runId(), p.writtenAt(), stale));
    }
    return statuses;
  }

  private List<TableStatus> gold(SparkSession spark, LakeLayout lake, String name, String configuredVersion,
      String partitionColumn, int windowDays) throws Exception {
    List<TableStatus> statuses = new ArrayList<>();
    for (String version : goldVersions(spark, lake, name, configuredVersion)) {
      TableRef table = new TableRef("gold/" + name + "/" + version, lake.goldTable(name, version), partitionColumn);
      Map<String, LineageRecord> lineage = new HashMap<>();
      for (LineageRecord record : new GoldLineage(spark, lake).records(name, version)) {
        lineage.merge(record.partitionKey(), record, (a, b) -> a.deltaVersion() >= b.deltaVersion() ? a : b);
      }
      Map<String, Dataset<Row>> inputLogs = new HashMap<>();
      for (Partition p : partitions(spark, table).values()) {
        String stale;
        if (!version.equals(configuredVersion)) {
          stale = "feature version " + version + ", configured " + configuredVersion;
        } else {
          stale = inputsChanged(spark, lake, lineage.get(p.key()), LocalDate.parse(p.key()), windowDays, inputLogs);
        }
        statuses.add(new TableStatus(table.name(), p.key(), p.rows(), p.runId(), p.writtenAt(), stale));
      }
    }
    return statuses;
  }

  /** Why a gold partition is stale: a silver input changed, after the version it was built from, in a date it reads. */
  private static String inputsChanged(SparkSession spark, LakeLayout lake, LineageRecord built, LocalDate key,
      int windowDays, Map<String, Dataset<Row>> inputLogs) {
    if (built == null) {
      return null;
    }
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < windowDays; i++) {
      dates.add(key.minusDays(i).toString());
    }
    for (Map.Entry<String, Long> input : built.inputVersions().entrySet()) {
      String path = lake.resolve(input.getKey());
      if (!DeltaPartitionWriter.exists(spark, path)) {
        continue;
      }
      Dataset<Row> log = inputLogs.computeIfAbsent(path,
          p -> DeltaCommitLog.fileActions(spark, p, SilverEvents.EVENT_DATE).cache());
      List<Row> changes = log.where(col(DeltaCommitLog.VERSION).gt(input.getValue())
              .and(col(DeltaCommitLog.PARTITION).isin(dates.toArray())))
          .select(DeltaCommitLog.PARTITION).distinct().orderBy(DeltaCommitLog.PARTITION).collectAsList();
      if (!changes.isEmpty()) {
        return input.getKey() + " changed after promotion (event dates "
            + changes.stream().map(r -> r.getString(0)).toList() + ")";
      }
    }
    return null;
  }

  /** The configured version first, then any other version folder of the table found in the lake. */
  private static List<String> goldVersions(SparkSession spark, LakeLayout lake, String name, String configured)
      throws Exception {
    List<String> versions = new ArrayList<>(List.of(configured));
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(lake.resolve("gold/" + name));
    org.apache.hadoop.fs.FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(folder)) {
      for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(folder)) {
        String version = status.getPath().getName();
        if (status.isDirectory() && !versions.contains(version)) {
          versions.add(version);
        }
      }
    }
    return versions;
  }

  private record Partition(String key, long rows, String runId, String writtenAt, long committedAt) {}

  /** Rows per partition, and the run and time of the last commit that changed each. */
  private Map<String, Partition> partitions(SparkSession spark, TableRef table) {
    Map<String, Partition> partitions = new java.util.TreeMap<>();
    if (!DeltaPartitionWriter.exists(spark, table.path())) {
      return partitions;
    }
    Dataset<Row> rows = spark.read().format("delta").load(table.path());
    if (from != null) {
      rows = rows.where(col(table.partitionColumn()).geq(java.sql.Date.valueOf(from)));
    }
    if (to != null) {
      rows = rows.where(col(table.partitionColumn()).leq(java.sql.Date.valueOf(to)));
    }
    Map<String, Row> lastChange = new HashMap<>();
    for (Row change : DeltaCommitLog.fileActions(spark, table.path(), table.partitionColumn())
        .groupBy(DeltaCommitLog.PARTITION)
        .agg(max(DeltaCommitLog.VERSION).as("last_version"),
            max_by(col(DeltaCommitLog.RUN_ID), col(DeltaCommitLog.VERSION)).as(DeltaCommitLog.RUN_ID),
            max_by(col(DeltaCommitLog.COMMITTED_AT), col(DeltaCommitLog.VERSION)).as(DeltaCommitLog.COMMITTED_AT))
        .collectAsList()) {
      lastChange.put(change.getString(0), change);
    }
    for (Row count : rows.groupBy(col(table.partitionColumn()).cast("string")).count().collectAsList()) {
      String key = count.getString(0);
      Row change = lastChange.get(key);
      String runId = change == null ? null : change.getString(change.fieldIndex(DeltaCommitLog.RUN_ID));
      long committedAt = change == null || change.isNullAt(change.fieldIndex(DeltaCommitLog.COMMITTED_AT)) ? -1
          : change.getLong(change.fieldIndex(DeltaCommitLog.COMMITTED_AT));
      partitions.put(key, new Partition(key, count.getLong(1), runId,
          committedAt < 0 ? null : Instant.ofEpochMilli(committedAt).toString(), committedAt));
    }
    return partitions;
  }

  private void print(List<TableStatus> rows) {
    Console console = environment.console();
    if (json) {
      console.progress(RunReportWriter.toJson(rows));
      return;
    }
    if (rows.isEmpty()) {
      console.progress("the lake holds no table yet");
      return;
    }
    String format = "%-30s %-10s %12s  %-40s %-24s %s";
    console.progress(String.format(format, "table", "partition", "rows", "run", "written (UTC)", "stale"));
    for (TableStatus row : rows) {
      console.progress(String.format(format, row.table(), row.partition(), String.format("%,d", row.rows()),
          row.runId() == null ? "-" : row.runId(), row.writtenAt() == null ? "-" : row.writtenAt(),
          row.stale() == null ? "no" : "STALE: " + row.stale()));
    }
  }
}
