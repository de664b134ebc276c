package lakehouse.gold.features;

import static lakehouse.gold.Silver.activity;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lakehouse.gold.Silver;
import lakehouse.gold.TableContent;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserFeaturesComputationTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  private final SparkSession spark = TestSpark.session();

  private Dataset<Row> windowActivity() {
    return Silver.activityFrame(
        spark,
        List.of(
            activity("u1", "2026-11-23", 3, 1, 0, 300, "2026-11-23T10:00:00Z"),
            activity("u1", "2026-11-20", 2, 1, 1, 200, "2026-11-20T09:00:00Z"),
            // Active only on D-6: inside the window of D, with nothing on D itself.
            activity("u2", "2026-11-17", 4, 0, 0, 400, "2026-11-17T08:00:00Z"),
            // Clicks but no impressions: ctr_7d is null, not a division by zero.
            activity("u3", "2026-11-22", 0, 2, 0, 0, "2026-11-22T12:00:00Z"),
            // D-7: in the window of D-1 only.
            activity("u4", "2026-11-16", 1, 0, 0, 100, "2026-11-16T07:00:00Z"),
            // After D: in no window computed here.
            activity("u5", "2026-11-24", 9, 9, 9, 900, "2026-11-24T01:00:00Z")));
  }

  private static Row features(
      String asOf,
      String user,
      long imp1,
      long clk1,
      long conv1,
      long imp7,
      long clk7,
      long conv7,
      long spend7,
      Double ctr7,
      int activeDays,
      String lastEvent) {
    return RowFactory.create(
        Date.valueOf(asOf),
        user,
        imp1,
        clk1,
        conv1,
        imp7,
        clk7,
        conv7,
        spend7,
        ctr7,
        activeDays,
        Timestamp.from(Instant.parse(lastEvent)),
        "v1",
        "run-1");
  }

  @Test
  @DisplayName("the features of each as-of date cover its seven-day window and its last day")
  void featuresCoverTheSevenDayWindowAndItsLastDay() {
    Dataset<Row> computed =
        UserFeaturesComputation.compute(windowActivity(), Set.of(D, D.minusDays(1)), "v1", "run-1");

    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                features("2026-11-23", "u1", 3, 1, 0, 5, 2, 1, 500, 0.4, 2, "2026-11-23T10:00:00Z"),
                features("2026-11-23", "u2", 0, 0, 0, 4, 0, 0, 400, 0.0, 1, "2026-11-17T08:00:00Z"),
                features("2026-11-23", "u3", 0, 0, 0, 0, 2, 0, 0, null, 1, "2026-11-22T12:00:00Z"),
                features("2026-11-22", "u1", 0, 0, 0, 2, 1, 1, 200, 0.5, 1, "2026-11-20T09:00:00Z"),
                features("2026-11-22", "u2", 0, 0, 0, 4, 0, 0, 400, 0.0, 1, "2026-11-17T08:00:00Z"),
                features("2026-11-22", "u3", 0, 2, 0, 0, 2, 0, 0, null, 1, "2026-11-22T12:00:00Z"),
                features(
                    "2026-11-22", "u4", 0, 0, 0, 1, 0, 0, 100, 0.0, 1, "2026-11-16T07:00:00Z")),
            UserFeatures.SCHEMA);
    DataFrames.assertSameRows(expected, TableContent.asTable(computed, UserFeatures.SCHEMA));
  }

  @Test
  void anAsOfDateWithNoActivityInItsWindowHasNoRows() {
    Set<LocalDate> farAway = Set.of(LocalDate.parse("2026-12-31"));

    Dataset<Row> computed =
        UserFeaturesComputation.compute(windowActivity(), farAway, "v1", "run-1");

    assertThat(computed.count()).isZero();
  }
}
