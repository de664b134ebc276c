package lakehouse.gold;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Builds silver input rows for gold tests, and writes them as the silver Delta tables of a test
 * lake.
 */
public final class Silver {
  private Silver() {}

  /** A user_daily_activity row; the last event time is an ISO instant. */
  public static Row activity(
      String user,
      String date,
      long impressions,
      long clicks,
      long conversions,
      long spend,
      String lastEventTime) {
    return RowFactory.create(
        user,
        Date.valueOf(date),
        impressions,
        clicks,
        conversions,
        spend,
        1L,
        Timestamp.from(Instant.parse(lastEventTime)));
  }

  /** A silver event; its event date is the UTC date of its time. */
  public static Row event(
      String id, String type, String time, String user, String campaign, Long costMicros) {
    Instant at = Instant.parse(time);
    return RowFactory.create(
        id,
        type,
        Timestamp.from(at),
        Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC)),
        user,
        "ad-" + campaign,
        campaign,
        "FR",
        "mobile",
        "ip-token",
        null,
        null,
        costMicros,
        2,
        Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC)),
        "landing/test.avro",
        "silver-run");
  }

  public static Dataset<Row> activityFrame(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, UserDailyActivity.SCHEMA);
  }

  public static Dataset<Row> eventFrame(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SilverEvents.SCHEMA);
  }

  /** Appends to the lake's user_daily_activity v1 (one Delta commit). */
  public static void appendActivity(SparkSession spark, LakeLayout lake, List<Row> rows) {
    activityFrame(spark, rows)
        .write()
        .format("delta")
        .mode("append")
        .partitionBy(UserDailyActivity.PARTITION_COLUMN)
        .save(lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
  }

  /** Replaces the whole of the lake's user_daily_activity v1 (one Delta commit). */
  public static void replaceActivity(SparkSession spark, LakeLayout lake, List<Row> rows) {
    activityFrame(spark, rows)
        .write()
        .format("delta")
        .mode("overwrite")
        .partitionBy(UserDailyActivity.PARTITION_COLUMN)
        .save(lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
  }

  /** Appends to the lake's silver events (one Delta commit). */
  public static void appendEvents(SparkSession spark, LakeLayout lake, List<Row> rows) {
    eventFrame(spark, rows)
        .write()
        .format("delta")
        .mode("append")
        .partitionBy(SilverEvents.PARTITION_COLUMN)
        .save(lake.silverEvents());
  }
}
