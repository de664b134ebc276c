package lakehouse.shared.delta;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * The largest value of a timestamp column over a Delta table's partitions from a date on, read from
 * the per-file statistics in the table's log instead of from the data. Delta keeps a file's maximum
 * truncated to the millisecond, which is all a freshness gauge needs.
 *
 * <p>The answer is only given when every file in scope has a usable statistic: a file without one
 * (written with statistics off, or by an older writer) makes it {@link Answer#unknown()}, and the
 * caller reads the data.
 */
public final class DeltaColumnMax {
  private DeltaColumnMax() {}

  /**
   * What the statistics say.
   *
   * @param known whether every file in scope had a statistic for the column
   * @param max the largest value, empty when the files in scope hold no value (or there are none)
   */
  public record Answer(boolean known, Optional<Instant> max) {
    static Answer unknown() {
      return new Answer(false, Optional.empty());
    }
  }

  /**
   * The largest {@code column} in the files whose {@code partitionColumn} is on or after {@code
   * from} (all files when empty).
   */
  public static Answer timestamp(
      SparkSession spark,
      String table,
      String column,
      String partitionColumn,
      Optional<LocalDate> from) {
    Dataset<Row> files =
        DeltaLog.forTable(spark, table)
            .update(false, Option.empty(), Option.empty())
            .allFiles()
            .toDF();
    if (from.isPresent()) {
      files =
          files.where(
              col("partitionValues")
                  .getItem(partitionColumn)
                  .cast("date")
                  .geq(lit(java.sql.Date.valueOf(from.get()))));
    }
    Column records = get_json_object(col("stats"), "$.numRecords").cast("long");
    Column nulls = get_json_object(col("stats"), "$.nullCount." + column).cast("long");
    Column fileMax = get_json_object(col("stats"), "$.maxValues." + column).cast("timestamp");
    // A file's maximum is missing legitimately only when every value of the column is null in it.
    Column unusable =
        when(
                records.isNull().or(fileMax.isNull().and(nulls.isNull().or(nulls.lt(records)))),
                lit(1L))
            .otherwise(lit(0L));
    Row row = files.agg(count(lit(1)), sum(unusable), max(fileMax)).head();
    if (row.getLong(0) > 0 && row.getLong(1) > 0) {
      return Answer.unknown();
    }
    return new Answer(
        true,
        row.isNullAt(2) ? Optional.empty() : Optional.of(((Timestamp) row.get(2)).toInstant()));
  }
}
