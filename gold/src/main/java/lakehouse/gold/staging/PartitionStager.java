package lakehouse.gold.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Writes a run's computed rows of one table to staging, one Parquet folder per partition key. Each
 * run owns its folders (the run id is part of the path), so two runs staging the same partition
 * never touch each other's files; a retry of the same run replaces its own staging.
 *
 * <p>All partitions of the table are written by one Spark write, partitioned by key, into the run's
 * own folder {@code _writing/run_id=<run id>} beside them; each partition's folder is then moved to
 * its staging path. One write costs one job where a write per partition cost one job per partition,
 * each with its own start-up and commit. The rows of a partition all go to one task, sorted by the
 * table's key, so that the task rolls over to a new file every max-rows-per-file rows: a partition
 * is {@link FileCount#forRows} files, each a contiguous key range. How many rows each partition got
 * is observed while the rows are written, not counted by another job.
 */
public final class PartitionStager {
  /** The column the write partitions by; Spark keeps it in the folder name, not in the files. */
  private static final String PARTITION_KEY = "partition_key";

  private static final String UNPLANNED_ROWS = "unplanned_rows";
  private static final String FIRST_UNPLANNED = "first_unplanned";

  /** Moves tried while concurrent runs keep removing the partition's emptied folder. */
  private static final int MOVE_ATTEMPTS = 5;

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
    List<LocalDate> keys = List.copyOf(partitionKeys);
    Path writing = new Path(table.stagingWrite(lake, runId));
    Map<String, Object> metrics = writeAll(table, rows, keys, writing);
    try {
      FileSystem fs =
          writing.getFileSystem(rows.sparkSession().sparkContext().hadoopConfiguration());
      long unplanned = observedCount(metrics, UNPLANNED_ROWS);
      if (unplanned > 0) {
        fs.delete(writing, true);
        throw new StagingCheckFailedException(
            table,
            date(metrics.get(FIRST_UNPLANNED)),
            runId,
            StagingCheck.PARTITION_KEY,
            unplanned
                + " rows were computed for partitions this run does not build"
                + " (it builds "
                + partitionKeys
                + ")",
            null);
      }
      List<StagedPartition> staged = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        LocalDate key = keys.get(i);
        long count = observedCount(metrics, rowsOf(i));
        String path = table.stagedPartition(lake, key, runId);
        Path written = new Path(writing, PARTITION_KEY + "=" + key);
        if (count == 0) {
          writeEmpty(rows, table, written);
        }
        moveInto(fs, written, new Path(path));
        staged.add(
            new StagedPartition(
                table, key, runId, path, count, FileCount.forRows(count, maxRowsPerFile)));
      }
      fs.delete(writing, true);
      staged.forEach(listener::partitionStaged);
      return staged;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move the staged partitions of "
              + table.label()
              + " out of "
              + writing
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Writes the rows of the planned keys, each key's into its own folder under {@code writing}, and
   * returns what was observed of them: rows per planned key, rows of no planned key.
   */
  private Map<String, Object> writeAll(
      GoldTable table, Dataset<Row> rows, List<LocalDate> keys, Path writing) {
    Observation observed = new Observation("staged " + table.label() + " " + writing.getName());
    Column partition = col(table.partitionColumn());
    Column planned = partition.isin(keys.stream().map(Date::valueOf).toArray());
    Column[] measures = measures(partition, planned, keys);
    rows.observe(observed, measures[0], Arrays.copyOfRange(measures, 1, measures.length))
        .where(planned)
        .withColumn(PARTITION_KEY, partition.cast(DataTypes.StringType))
        .repartition(col(PARTITION_KEY))
        .sortWithinPartitions(col(PARTITION_KEY), col(table.keyColumn()))
        .write()
        .mode("overwrite")
        .option("maxRecordsPerFile", maxRowsPerFile)
        .partitionBy(PARTITION_KEY)
        .parquet(writing.toString());
    return metrics(observed);
  }

  private static LocalDate date(Object value) {
    return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
  }

  /** The observed metrics, which Spark delivers once the write is done. */
  private static Map<String, Object> metrics(Observation observed) {
    try {
      return observed.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while staging", e);
    }
  }

  /**
   * A count observed by the write. Spark observes nothing when the optimizer has proved the rows
   * empty (silver not created yet, say) and removed the write's plan: every count is then zero.
   */
  private static long observedCount(Map<String, Object> metrics, String name) {
    if (metrics.isEmpty()) {
      return 0;
    }
    Object count = metrics.get(name);
    if (count == null) {
      throw new IllegalStateException("the staging write observed no " + name + ": " + metrics);
    }
    return (Long) count;
  }

  /** Rows per planned key and the rows of no planned key, observed as the rows are written. */
  private static Column[] measures(Column partition, Column planned, List<LocalDate> keys) {
    List<Column> measures = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      measures.add(count(when(partition.equalTo(lit(Date.valueOf(keys.get(i)))), 1)).as(rowsOf(i)));
    }
    Column unplanned = partition.isNull().or(planned.unary_$bang());
    measures.add(count(when(unplanned, 1)).as(UNPLANNED_ROWS));
    measures.add(min(when(unplanned, partition)).as(FIRST_UNPLANNED));
    return measures.toArray(Column[]::new);
  }

  private static String rowsOf(int key) {
    return "rows_" + key;
  }

  /**
   * A partition without rows is still one file, which carries the schema (Spark writes an empty
   * file for an empty single-partition write). It is written beside the others, under the run's own
   * folder, and moved like them: no other run writes there.
   */
  private static void writeEmpty(Dataset<Row> rows, GoldTable table, Path folder) {
    rows.sparkSession()
        .createDataFrame(List.of(), table.schema())
        .coalesce(1)
        .write()
        .mode("overwrite")
        .parquet(folder.toString());
  }

  /**
   * Replaces {@code target} (a retry's earlier staging) with the written folder. A concurrent run
   * that has just promoted the same partition removes the partition's folder once its own staging
   * in it is gone ({@link StagingJanitor#discard}). When that falls between creating the folder and
   * setting its permissions, or between creating it and the rename, the step fails for want of the
   * folder, and the folder is created again; a move that fails while the folder is there is not
   * tried again.
   */
  static void moveInto(FileSystem fs, Path written, Path target) throws IOException {
    fs.delete(target, true);
    Path partition = target.getParent();
    for (int attempt = 1; ; attempt++) {
      IOException failure;
      try {
        fs.mkdirs(partition);
        if (fs.rename(written, target)) {
          return;
        }
        failure = new IOException("cannot move " + written + " to " + target);
      } catch (IOException e) {
        failure = e;
      }
      if (attempt == MOVE_ATTEMPTS || fs.exists(partition)) {
        throw failure;
      }
    }
  }
}
