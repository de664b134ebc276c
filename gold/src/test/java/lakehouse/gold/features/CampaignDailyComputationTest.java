package lakehouse.gold.features;

import static lakehouse.gold.Silver.event;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lakehouse.gold.Silver;
import lakehouse.gold.TableContent;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class CampaignDailyComputationTest {
  private final SparkSession spark = TestSpark.session();

  @Test
  void eachCampaignDayCountsEventsSpendAndExactlyDistinctUsers() {
    Dataset<Row> events =
        Silver.eventFrame(
            spark,
            List.of(
                event("e1", "IMPRESSION", "2026-11-23T01:00:00Z", "u1", "c1", 100L),
                event("e2", "CLICK", "2026-11-23T01:01:00Z", "u1", "c1", null),
                event("e3", "IMPRESSION", "2026-11-23T02:00:00Z", "u2", "c1", 50L),
                event("e4", "CONVERSION", "2026-11-23T23:59:00Z", "u2", "c1", 0L),
                // A click without impressions that day: ctr is null.
                event("e5", "CLICK", "2026-11-23T05:00:00Z", "u3", "c2", 10L),
                // Another day, not requested.
                event("e6", "IMPRESSION", "2026-11-22T05:00:00Z", "u1", "c1", 70L)));

    Dataset<Row> computed =
        CampaignDailyComputation.compute(events, Set.of(LocalDate.parse("2026-11-23")), "run-1");

    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "c1", Date.valueOf("2026-11-23"), 2L, 1L, 1L, 150L, 2L, 0.5, "run-1"),
                RowFactory.create(
                    "c2", Date.valueOf("2026-11-23"), 0L, 1L, 0L, 10L, 1L, null, "run-1")),
            CampaignDaily.SCHEMA);
    DataFrames.assertSameRows(expected, TableContent.asTable(computed, CampaignDaily.SCHEMA));
  }
}
