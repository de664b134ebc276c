package lakehouse.gold.status;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.lake.TableLayer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * The active data files of each partition of the configured gold tables, read from the tables'
 * Delta logs (their latest snapshot's file list), not from the data: what a reader of each
 * partition opens, and what compaction or sizing keeps bounded.
 */
public final class GoldFileCounts {
  private final SparkSession spark;
  private final LakeLayout lake;
  private final GoldSettings gold;

  public GoldFileCounts(SparkSession spark, LakeLayout lake, GoldSettings gold) {
    this.spark = spark;
    this.lake = lake;
    this.gold = gold;
  }

  /** Per gold table (catalog order), files per partition in the range, in partition order. */
  public Map<String, Map<String, Long>> perPartition(PartitionRange range) {
    Map<String, Map<String, Long>> tables = new LinkedHashMap<>();
    for (CatalogTable table : new TableCatalog(lake).dataTables(gold)) {
      if (table.layer() != TableLayer.GOLD || !DeltaPartitionWriter.exists(spark, table.path())) {
        continue;
      }
      String column = table.partitionColumn().orElseThrow();
      Map<String, Long> files = new TreeMap<>();
      for (Row row :
          range
              .select(
                  DeltaLog.forTable(spark, table.path())
                      .update(false, Option.empty(), Option.empty())
                      .allFiles()
                      .toDF()
                      .select(col("partitionValues").getItem(column).as(column)),
                  column)
              .groupBy(col(column))
              .count()
              .collectAsList()) {
        files.put(row.getString(0), row.getLong(1));
      }
      tables.put(table.name(), files);
    }
    return tables;
  }
}
