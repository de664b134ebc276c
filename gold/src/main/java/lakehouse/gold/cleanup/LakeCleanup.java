package lakehouse.gold.cleanup;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import lakehouse.gold.staging.ExpiredStaging;
import lakehouse.gold.staging.StagingJanitor;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.config.RetentionSettings;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * Removes what grows without bound once past its retention: staging of dead runs, the partitions of
 * tables with a retention setting (data minimisation), and table files no version Delta keeps needs
 * (VACUUM). A dry run finds the same and removes nothing.
 */
public final class LakeCleanup {
  private final SparkSession spark;
  private final LakeLayout lake;
  private final GoldSettings gold;
  private final RetentionSettings retention;
  private final Clock clock;

  public LakeCleanup(
      SparkSession spark,
      LakeLayout lake,
      GoldSettings gold,
      RetentionSettings retention,
      Clock clock) {
    this.spark = spark;
    this.lake = lake;
    this.gold = gold;
    this.retention = retention;
    this.clock = clock;
  }

  public CleanupResult run(boolean dryRun) {
    List<ExpiredStaging> staging =
        new StagingJanitor(lake, spark.sparkContext().hadoopConfiguration())
            .removeExpired(retention.staging(), clock, dryRun);
    List<CatalogTable> tables = new TableCatalog(lake).tables(gold);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<ExpiredPartitions> expired = new ArrayList<>();
    for (PartitionExpiry expiry : PartitionExpiry.select(tables, retention, today)) {
      expired.add(expirePartitions(expiry, dryRun));
    }
    long hours = retention.vacuum().toHours();
    List<VacuumedTable> vacuumed = new ArrayList<>();
    for (CatalogTable table : tables) {
      if (table.vacuumed() && DeltaPartitionWriter.exists(spark, table.path())) {
        vacuumed.add(new VacuumedTable(table.location(), vacuum(table.path(), hours, dryRun)));
      }
    }
    return new CleanupResult(dryRun, staging, expired, vacuumed, hours);
  }

  /**
   * VACUUM keeps every file a version within the retention still needs, so readers of those
   * versions and runs that started before the retention window are safe; the configuration refuses
   * less than 24 h.
   */
  private long vacuum(String table, long hours, boolean dryRun) {
    if (hours < 168) {
      // Delta's own guard refuses under 7 days; the configuration's 24 h floor takes its place.
      spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    }
    long files =
        spark.sql("VACUUM delta.`" + table + "` RETAIN " + hours + " HOURS DRY RUN").count();
    if (!dryRun && files > 0) {
      DeltaTable.forPath(spark, table).vacuum((double) hours);
    }
    return files;
  }

  private ExpiredPartitions expirePartitions(PartitionExpiry expiry, boolean dryRun) {
    CatalogTable table = expiry.table();
    List<String> partitions = new ArrayList<>();
    if (expiry.applies() && DeltaPartitionWriter.exists(spark, table.path())) {
      String dateColumn = table.partitionColumn().orElseThrow();
      Column condition = col(dateColumn).lt(Date.valueOf(expiry.cutoff()));
      spark
          .read()
          .format("delta")
          .load(table.path())
          .where(condition)
          .select(col(dateColumn).cast("string"))
          .distinct()
          .orderBy(dateColumn)
          .collectAsList()
          .forEach(r -> partitions.add(r.getString(0)));
      if (!dryRun && !partitions.isEmpty()) {
        DeltaTable.forPath(spark, table.path()).delete(condition);
      }
    }
    return new ExpiredPartitions(table.location(), table.path(), expiry.cutoff(), partitions);
  }
}
