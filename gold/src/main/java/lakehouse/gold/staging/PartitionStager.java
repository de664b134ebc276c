package lakehouse.gold.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes a run's computed rows of one table to staging, one Parquet folder per partition key. Each
 * run owns its folders (the run id is part of the path), so two runs staging the same partition
 * never touch each other's files; a retry of the same run replaces its own staging.
 */
public final class PartitionStager {
  private final LakeLayout lake;
  private final long maxRowsPerFile;

  public PartitionStager(LakeLayout lake, long maxRowsPerFile) {
    this.lake = lake;
    this.maxRowsPerFile = maxRowsPerFile;
  }

  /**
   * Stages every listed partition, including those with no rows (an empty partition is promoted
   * too, so that it clears what an earlier run left there).
   *
   * @param rows the computed rows of the table, all partitions together
   * @throws StagingCheckFailedException if rows were computed for a partition the run does not
   *     build
   */
  public List<StagedPartition> stage(
      GoldTable table,
      Dataset<Row> rows,
      SortedSet<LocalDate> partitionKeys,
      String runId,
      StagingListener listener) {
    // Computed once, then filtered per partition: without the cache every partition would recompute
    // all.
    Dataset<Row> computed = rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<LocalDate, Long> rowsPerKey = countPerKey(table, computed);
      TreeSet<LocalDate> unplanned = new TreeSet<>(rowsPerKey.keySet());
      unplanned.removeAll(partitionKeys);
      if (!unplanned.isEmpty()) {
        throw new StagingCheckFailedException(
            table,
            unplanned.first(),
            runId,
            StagingCheck.PARTITION_KEY,
            rowsPerKey.get(unplanned.first())
                + " rows were computed for a partition this run does not build"
                + " (it builds "
                + partitionKeys
                + ")",
            null);
      }
      // Partitions are written several at once: each is a small job, and in turn they leave cores
      // idle.
      return PerPartition.map(
          List.copyOf(partitionKeys),
          computed.sparkSession().sparkContext().defaultParallelism(),
          key -> {
            StagedPartition done =
                stageOne(table, computed, key, rowsPerKey.getOrDefault(key, 0L), runId);
            listener.partitionStaged(done);
            return done;
          });
    } finally {
      computed.unpersist();
    }
  }

  private StagedPartition stageOne(
      GoldTable table, Dataset<Row> computed, LocalDate key, long count, String runId) {
    int files = FileCount.forRows(count, maxRowsPerFile);
    Dataset<Row> partition =
        computed.where(col(table.partitionColumn()).equalTo(lit(Date.valueOf(key))));
    partition =
        files == 1
            ? partition.coalesce(1)
            : partition.repartitionByRange(files, col(table.keyColumn()));
    String path = table.stagedPartition(lake, key, runId);
    partition
        .sortWithinPartitions(table.keyColumn())
        .write()
        .mode("overwrite")
        .option("maxRecordsPerFile", maxRowsPerFile)
        .parquet(path);
    return new StagedPartition(table, key, runId, path, count, files);
  }

  private static Map<LocalDate, Long> countPerKey(GoldTable table, Dataset<Row> computed) {
    Map<LocalDate, Long> counts = new HashMap<>();
    for (Row row : computed.groupBy(table.partitionColumn()).count().collectAsList()) {
      counts.put(row.getDate(0).toLocalDate(), row.getLong(1));
    }
    return counts;
  }
}
