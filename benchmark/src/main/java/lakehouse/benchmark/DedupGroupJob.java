package lakehouse.benchmark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A second reference, one step above the floor: the landing Avro of one date, duplicate event ids
 * dropped, grouped by user and written as one Delta commit. It holds the shuffles that a night
 * cannot avoid (dedup, a per-user aggregate) and a table log, without validation, lineage,
 * quarantine or staging.
 *
 * <p>Arguments: LAKE_ROOT INGEST_DATE OUT (a Delta table path; replaced if it exists).
 */
public final class DedupGroupJob {
  private DedupGroupJob() {}

  public static void main(String[] args) {
    JobArguments arguments = JobArguments.parse("DedupGroupJob", args);
    SparkSession spark = ReferenceSession.start("benchmark-dedup-group " + arguments.ingestDate());
    try {
      long started = System.nanoTime();
      Dataset<Row> unique =
          LandingEvents.read(spark, arguments.lakeRoot(), arguments.ingestDate())
              .dropDuplicates("event_id");
      Column type = col("event_type");
      // v1 files carry cost in currency units, v2 files cost_micros: the same conversion silver
      // makes.
      Column costMicros =
          coalesce(
              col("cost_micros"), round(col("cost").multiply(1_000_000L)).cast("long"), lit(0L));
      unique
          .groupBy(col("user_id"))
          .agg(
              count(when(type.equalTo("IMPRESSION"), 1)).as("impressions"),
              count(when(type.equalTo("CLICK"), 1)).as("clicks"),
              count(when(type.equalTo("CONVERSION"), 1)).as("conversions"),
              sum(costMicros).as("spend_micros"),
              countDistinct(col("ad_id")).as("distinct_ads"),
              max(col("event_time")).as("last_event_time"))
          .write()
          .format("delta")
          .mode(SaveMode.Overwrite)
          .save(arguments.out());
      System.out.printf(
          "dedup-group %s: landing Avro to one Delta commit in %.3f s (%s)%n",
          arguments.ingestDate(), (System.nanoTime() - started) / 1e9, arguments.out());
    } finally {
      spark.stop();
    }
  }
}
