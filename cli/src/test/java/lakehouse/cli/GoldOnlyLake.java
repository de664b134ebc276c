package lakehouse.cli;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import lakehouse.gold.GoldLayer;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A test lake whose silver tables are written by hand, a few rows at a time, and whose gold tables
 * are built from them by the gold layer: gold with exactly the features a test needs, without
 * landing files or nightly runs.
 */
final class GoldOnlyLake {
  private final SparkSession spark;
  private final LakeLayout lake;

  GoldOnlyLake(SparkSession spark, LakeLayout lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** One user's activity of a day: impressions, and one event at noon UTC of campaign c1. */
  GoldOnlyLake activity(String user, String date, long impressions) {
    Instant noon = Instant.parse(date + "T12:00:00Z");
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(
                    user, Date.valueOf(date), impressions, 0L, 0L, 0L, 1L, Timestamp.from(noon))),
            UserDailyActivity.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .partitionBy(UserDailyActivity.PARTITION_COLUMN)
        .save(lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
    Row event =
        RowFactory.create(
            user + "-" + date,
            "IMPRESSION",
            Timestamp.from(noon),
            Date.valueOf(LocalDate.ofInstant(noon, ZoneOffset.UTC)),
            user,
            "ad-c1",
            "c1",
            "FR",
            "mobile",
            "ip-token",
            null,
            null,
            100L,
            2,
            Date.valueOf(date),
            "landing/test.avro",
            "silver-run");
    spark
        .createDataFrame(List.of(event), SilverEvents.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .partitionBy(SilverEvents.PARTITION_COLUMN)
        .save(lake.silverEvents());
    return this;
  }

  /** Rebuilds both gold tables for the dates from silver, in one run. */
  void rebuildGold(String from, String to, String runId) {
    SortedSet<LocalDate> dates = new TreeSet<>();
    LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1)).forEach(dates::add);
    new GoldLayer(spark, lake, new GoldSettings("v1", "v1", 1000)).rebuild(dates, runId);
  }
}
