package lakehouse.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A gold {@code user_features} v1 partition of any number of users, for measuring publish at a
 * scale that a generated night on a small machine does not reach (a day of 1,000,000 users needs
 * some 20,000,000 events). The table is laid out as gold lays it out: a Delta table at {@code
 * gold/user_features/v1} partitioned by {@code as_of_date}, one file for the partition (gold writes
 * one per 2,000,000 rows), the columns and types of user_features v1 (docs/CONTRACT.md). The values
 * are made up but shaped like gold's: counts of a few, a ctr that is null without impressions, a
 * last event time within the day.
 *
 * <p>Arguments: LAKE_ROOT AS_OF_DATE USERS. The lake is one the benchmark owns: the partition is
 * appended, so write each date once.
 */
public final class SyntheticUserFeatures {
  private SyntheticUserFeatures() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: SyntheticUserFeatures LAKE_ROOT AS_OF_DATE USERS");
      System.exit(2);
    }
    String table = args[0] + "/gold/user_features/v1";
    LocalDate asOf = LocalDate.parse(args[1]);
    long users = Long.parseLong(args[2]);
    SparkSession spark = ReferenceSession.start("benchmark-synthetic-user-features " + asOf);
    try {
      long started = System.nanoTime();
      rows(spark, asOf, users)
          .coalesce(1)
          .write()
          .format("delta")
          .mode("append")
          .partitionBy("as_of_date")
          .save(table);
      System.out.printf(
          "synthetic user_features %s: %,d users in %.3f s (%s)%n",
          asOf, users, (System.nanoTime() - started) / 1e9, table);
    } finally {
      spark.stop();
    }
  }

  static Dataset<Row> rows(SparkSession spark, LocalDate asOf, long users) {
    Column id = col("id");
    Column impressions7d = pseudoRandom(1, 40);
    Column clicks7d = pseudoRandom(2, 3);
    return spark
        .range(users)
        .select(
            lit(java.sql.Date.valueOf(asOf)).as("as_of_date"),
            format_string("u%07d", id).as("user_id"),
            pseudoRandom(3, 8).as("impressions_1d"),
            pseudoRandom(4, 2).as("clicks_1d"),
            pseudoRandom(5, 2).as("conversions_1d"),
            impressions7d.as("impressions_7d"),
            clicks7d.as("clicks_7d"),
            pseudoRandom(6, 2).as("conversions_7d"),
            pseudoRandom(7, 5_000_000).as("spend_micros_7d"),
            when(impressions7d.equalTo(0), lit(null).cast("double"))
                .otherwise(clicks7d.cast("double").divide(impressions7d))
                .as("ctr_7d"),
            pseudoRandom(8, 7).plus(1).cast("int").as("active_days_7d"),
            expr("timestamp_millis(unix_millis(timestamp'"
                    + asOf
                    + " 00:00:00Z') + pmod(xxhash64(id, 9), 86400000))")
                .as("last_event_time"),
            lit("v1").as("feature_version"),
            lit("synthetic").as("run_id"));
  }

  /** A value in [0, bound) that differs between users and between columns (salt). */
  private static Column pseudoRandom(int salt, long bound) {
    return pmod(expr("xxhash64(id, " + salt + ")"), lit(bound));
  }
}
