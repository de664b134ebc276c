package lakehouse.cli;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.delta.tables.DeltaTable;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.staging.ExpiredStaging;
import lakehouse.gold.staging.StagingJanitor;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.RunReport;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cleanup}: removes what grows without bound once past its retention: staging of dead runs,
 * table files no longer in any version Delta keeps (VACUUM), and, where configured, bronze and
 * quarantine partitions older than their retention (data minimisation).
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
    description = "Removes expired staging, old table file versions past their retention and, where configured, "
        + "old bronze and quarantine partitions. --dry-run lists without removing.")
final class CleanupCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--dry-run", description = "List what would be removed; change nothing.")
  boolean dryRun;

  private final CommandEnvironment environment;

  CleanupCommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  /** What cleanup did (or, on a dry run, would do); the report's {@code cleanup} object. */
  record CleanupReport(boolean dryRun, List<ExpiredStaging> stagingRemoved, Map<String, Long> filesVacuumed,
      Map<String, List<String>> partitionsDeleted) {}

  @Override
  public Integer call() throws Exception {
    Console console = environment.console();
    LakeRun run = LakeRun.prepare("cleanup", dryRun ? List.of("--dry-run") : List.of(), common, environment);
    try (run) {
      if (!dryRun) {
        run.startWriting();
      }
      LakehouseConfig config = run.config();
      LakeLayout lake = config.lake();
      SparkSession spark = run.spark();
      List<ExpiredStaging> staging = new StagingJanitor(lake, spark.sparkContext().hadoopConfiguration())
          .removeExpired(config.retention().staging(), environment.clock(), dryRun);
      for (ExpiredStaging expired : staging) {
        console.progress((dryRun ? "would remove " : "removed ") + "staging " + expired.path()
            + " (last written " + expired.lastModified() + ")");
      }
      Map<String, List<String>> deleted = new LinkedHashMap<>();
      LocalDate today = LocalDate.ofInstant(environment.clock().instant(), ZoneOffset.UTC);
      deleted.put("bronze/ad_events", expirePartitions(spark, lake.bronzeEvents(), BronzeEvents.INGEST_DATE,
          config.retention().bronzeRetentionDays(), today, console));
      deleted.put("silver/quarantine", expirePartitions(spark, lake.quarantine(), Quarantine.PARTITION_COLUMN,
          config.retention().quarantineRetentionDays(), today, console));

      long hours = config.retention().vacuum().toHours();
      Map<String, Long> vacuumed = new LinkedHashMap<>();
      for (String table : tables(lake, config)) {
        if (DeltaPartitionWriter.exists(spark, table)) {
          long files = vacuum(spark, table, hours);
          vacuumed.put(lake.relativize(table), files);
          console.progress(String.format("%s %,d unreferenced files older than %d h in %s",
              dryRun ? "would vacuum" : "vacuumed", files, hours, lake.relativize(table)));
        }
      }
      CleanupReport report = new CleanupReport(dryRun, staging, vacuumed, deleted);
      if (dryRun) {
        console.progress(lakehouse.shared.run.RunReportWriter.toJson(report));
        return ExitStatus.DONE;
      }
      run.layer("cleanup", report);
      RunReport finished = run.finish(RunStatus.SUCCEEDED, null);
      console.progress("cleanup " + run.runId() + ": " + finished.status().label() + "; report "
          + lake.runReport(run.runId()));
      return finished.exitStatus();
    }
  }

  private static List<String> tables(LakeLayout lake, LakehouseConfig config) {
    return List.of(lake.bronzeEvents(), lake.quarantine(), lake.silverEvents(),
        lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION),
        lake.featureGroup(AdHourlyActivity.NAME, AdHourlyActivity.VERSION),
        lake.goldTable(UserFeatures.NAME, config.gold().userFeaturesVersion()),
        lake.goldTable(CampaignDaily.NAME, config.gold().campaignDailyVersion()),
        lake.resolve(GoldLineage.RELATIVE_PATH));
  }

  /**
   * VACUUM keeps every file a version within the retention still needs, so readers of those versions
   * and runs that started before the retention window are safe; the configuration refuses less than 24 h.
   */
  private long vacuum(SparkSession spark, String table, long hours) {
    if (hours < 168) {
      // Delta's own guard refuses under 7 days; the configuration's 24 h floor takes its place.
      spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    }
    long files = spark.sql("VACUUM delta.`" + table + "` RETAIN " + hours + " HOURS DRY RUN").count();
    if (!dryRun && files > 0) {
      DeltaTable.forPath(spark, table).vacuum(hours);
    }
    return files;
  }

  private List<String> expirePartitions(SparkSession spark, String table, String dateColumn, int retentionDays,
      LocalDate today, Console console) {
    List<String> expired = new ArrayList<>();
    if (retentionDays <= 0 || !DeltaPartitionWriter.exists(spark, table)) {
      return expired;
    }
    LocalDate cutoff = today.minusDays(retentionDays);
    var condition = col(dateColumn).lt(Date.valueOf(cutoff));
    spark.read().format("delta").load(table).where(condition).select(col(dateColumn).cast("string")).distinct()
        .orderBy(dateColumn).collectAsList().forEach(r -> expired.add(r.getString(0)));
    if (!expired.isEmpty()) {
      console.progress((dryRun ? "would delete " : "deleted ") + expired.size() + " partitions of "
          + table + " older than " + cutoff + ": " + expired);
      if (!dryRun) {
        DeltaTable.forPath(spark, table).delete(condition);
      }
    }
    return expired;
  }
}
