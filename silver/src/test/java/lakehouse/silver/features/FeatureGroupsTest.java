package lakehouse.silver.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Feature groups on a small hand-computed dataset: two event dates, null costs, events at hour
 * edges.
 */
class FeatureGroupsTest {
  private final SparkSession spark = TestSpark.session();

  private static Row silver(
      int n, String type, String time, String user, String ad, String campaign, Long costMicros) {
    Instant at = Instant.parse(time);
    return RowFactory.create(
        String.format("00000000-0000-4000-8000-%012d", n),
        type,
        Timestamp.from(at),
        Date.valueOf(time.substring(0, 10)),
        user,
        ad,
        campaign,
        "FR",
        "ios",
        "ip",
        null,
        null,
        costMicros,
        1,
        Date.valueOf("2026-11-23"),
        "landing/ad_events/ingest_date=2026-11-23/part-00.avro",
        "run-1");
  }

  private Dataset<Row> events() {
    return spark.createDataFrame(
        List.of(
            silver(1, "IMPRESSION", "2026-11-23T10:05:00Z", "u1", "ad1", "c1", 100L),
            silver(2, "CLICK", "2026-11-23T10:20:00Z", "u1", "ad1", "c1", 200L),
            silver(3, "IMPRESSION", "2026-11-23T11:00:00Z", "u1", "ad2", "c1", null),
            silver(4, "IMPRESSION", "2026-11-23T10:59:59.999Z", "u2", "ad1", "c1", 50L),
            silver(5, "CONVERSION", "2026-11-23T23:30:00Z", "u2", "ad1", "c1", 1_000L),
            silver(6, "IMPRESSION", "2026-11-22T23:59:59Z", "u1", "ad1", "c1", 7L),
            silver(7, "CLICK", "2026-11-23T12:00:00Z", "u3", "ad3", "c2", null)),
        SilverEvents.SCHEMA);
  }

  private static Timestamp at(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  private static Date date(String day) {
    return Date.valueOf(day);
  }

  @Test
  void userDailyActivityCountsEachUsersDay() {
    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "u1", date("2026-11-23"), 2L, 1L, 0L, 300L, 2L, at("2026-11-23T11:00:00Z")),
                RowFactory.create(
                    "u2", date("2026-11-23"), 1L, 0L, 1L, 1_050L, 1L, at("2026-11-23T23:30:00Z")),
                RowFactory.create(
                    "u3", date("2026-11-23"), 0L, 1L, 0L, 0L, 1L, at("2026-11-23T12:00:00Z")),
                RowFactory.create(
                    "u1", date("2026-11-22"), 1L, 0L, 0L, 7L, 1L, at("2026-11-22T23:59:59Z"))),
            UserDailyActivity.SCHEMA);

    DataFrames.assertSameRows(expected, new UserDailyActivityGroup().compute(events()));
  }

  @Test
  void adHourlyActivityCountsEachAdsUtcHour() {
    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "ad1",
                    at("2026-11-23T10:00:00Z"),
                    "c1",
                    date("2026-11-23"),
                    2L,
                    1L,
                    0L,
                    350L,
                    2L),
                RowFactory.create(
                    "ad2",
                    at("2026-11-23T11:00:00Z"),
                    "c1",
                    date("2026-11-23"),
                    1L,
                    0L,
                    0L,
                    0L,
                    1L),
                RowFactory.create(
                    "ad1",
                    at("2026-11-23T23:00:00Z"),
                    "c1",
                    date("2026-11-23"),
                    0L,
                    0L,
                    1L,
                    1_000L,
                    1L),
                RowFactory.create(
                    "ad1",
                    at("2026-11-22T23:00:00Z"),
                    "c1",
                    date("2026-11-22"),
                    1L,
                    0L,
                    0L,
                    7L,
                    1L),
                RowFactory.create(
                    "ad3",
                    at("2026-11-23T12:00:00Z"),
                    "c2",
                    date("2026-11-23"),
                    0L,
                    1L,
                    0L,
                    0L,
                    1L)),
            AdHourlyActivity.SCHEMA);

    DataFrames.assertSameRows(expected, new AdHourlyActivityGroup().compute(events()));
  }

  @Test
  void everyGroupProducesExactlyItsDeclaredSchema() {
    for (FeatureGroup group : FeatureGroups.all()) {
      assertThat(group.compute(events()).schema()).as(group.name()).isEqualTo(group.schema());
    }
  }
}
