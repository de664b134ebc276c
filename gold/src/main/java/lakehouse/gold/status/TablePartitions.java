package lakehouse.gold.status;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import lakehouse.shared.delta.DeltaCommitLog;
import lakehouse.shared.delta.DeltaPartitionWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a Delta table's partitions within a range of dates: rows per partition and the commit that
 * last changed it. Each table is read once per instance: {@code status} asks for silver's events
 * once for the table itself and again for each feature group built from it.
 */
final class TablePartitions {
  private final SparkSession spark;
  private final PartitionRange range;
  private final Map<String, Map<String, TablePartition>> read = new HashMap<>();

  TablePartitions(SparkSession spark, PartitionRange range) {
    this.spark = spark;
    this.range = range;
  }

  /** The partitions by key, in key order; none when the table does not exist. */
  Map<String, TablePartition> of(String path, String partitionColumn) {
    return read.computeIfAbsent(
        path + "#" + partitionColumn,
        table -> Collections.unmodifiableMap(read(path, partitionColumn)));
  }

  private Map<String, TablePartition> read(String path, String partitionColumn) {
    Map<String, TablePartition> partitions = new TreeMap<>();
    if (!DeltaPartitionWriter.exists(spark, path)) {
      return partitions;
    }
    Dataset<Row> rows = range.select(spark.read().format("delta").load(path), partitionColumn);
    Map<String, Row> lastChange = new HashMap<>();
    for (Row change :
        DeltaCommitLog.fileActions(spark, path, partitionColumn)
            .groupBy(DeltaCommitLog.PARTITION)
            .agg(
                max(DeltaCommitLog.VERSION).as("last_version"),
                max_by(col(DeltaCommitLog.RUN_ID), col(DeltaCommitLog.VERSION))
                    .as(DeltaCommitLog.RUN_ID),
                max_by(col(DeltaCommitLog.COMMITTED_AT), col(DeltaCommitLog.VERSION))
                    .as(DeltaCommitLog.COMMITTED_AT))
            .collectAsList()) {
      lastChange.put(change.getString(0), change);
    }
    for (Row count : rows.groupBy(col(partitionColumn).cast("string")).count().collectAsList()) {
      String key = count.getString(0);
      Row change = lastChange.get(key);
      String runId =
          change == null ? null : change.getString(change.fieldIndex(DeltaCommitLog.RUN_ID));
      long committedAt =
          change == null || change.isNullAt(change.fieldIndex(DeltaCommitLog.COMMITTED_AT))
              ? -1
              : change.getLong(change.fieldIndex(DeltaCommitLog.COMMITTED_AT));
      partitions.put(key, new TablePartition(key, count.getLong(1), runId, committedAt));
    }
    return partitions;
  }
}
