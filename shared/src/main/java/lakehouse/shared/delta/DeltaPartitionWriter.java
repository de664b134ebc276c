package lakehouse.shared.delta;

import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes to partitioned Delta tables. Every write is one Delta commit, so a reader sees all of it
 * or none of it; replacing partitions uses replaceWhere, which also fails the commit if a row falls
 * outside the partitions it claims to replace.
 */
public final class DeltaPartitionWriter {
  private DeltaPartitionWriter() {}

  /**
   * Appends rows in one commit, creating the table partitioned by the column if it does not exist.
   */
  public static void append(Dataset<Row> rows, String path, String partitionColumn) {
    rows.write().format("delta").mode("append").partitionBy(partitionColumn).save(path);
  }

  /**
   * Replaces exactly the given date partitions with the rows, in one commit. Partitions listed but
   * absent from the rows end up empty; rows outside the list fail the commit.
   */
  public static void replaceDatePartitions(
      Dataset<Row> rows, String path, String partitionColumn, Collection<LocalDate> dates) {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("no partitions to replace in " + path);
    }
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", inDates(partitionColumn, dates))
        .partitionBy(partitionColumn)
        .save(path);
  }

  /** A SQL predicate selecting the given dates of a date column. */
  public static String inDates(String column, Collection<LocalDate> dates) {
    return column
        + " IN ("
        + dates.stream().sorted().map(d -> "DATE'" + d + "'").collect(Collectors.joining(", "))
        + ")";
  }

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /** The table's rows, or empty if the table has not been created yet. */
  public static Optional<Dataset<Row>> read(SparkSession spark, String path) {
    return exists(spark, path)
        ? Optional.of(spark.read().format("delta").load(path))
        : Optional.empty();
  }

  /** The table's latest version, or -1 if it does not exist. */
  public static long version(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      return -1;
    }
    Row last = DeltaTable.forPath(spark, path).history(1).select("version").head();
    return last.getLong(0);
  }
}
