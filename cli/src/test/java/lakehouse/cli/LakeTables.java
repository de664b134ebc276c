package lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Compares every table of two lakes that ran the same input, for tests that move a run somewhere else. */
final class LakeTables {
  private LakeTables() {}

  /** Every table a nightly run writes, bronze to gold. */
  static List<String> of(LakeLayout lake) {
    return List.of(lake.bronzeEvents(), lake.silverEvents(), lake.quarantine(),
        lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION),
        lake.featureGroup(AdHourlyActivity.NAME, AdHourlyActivity.VERSION),
        lake.goldTable(UserFeatures.NAME, "v1"), lake.goldTable(CampaignDaily.NAME, "v1"));
  }

  /**
   * Asserts that each table holds the same rows in both lakes. The landing file's fingerprint includes
   * its modification time, which differs between two deliveries of the same bytes, so it is left out.
   */
  static void assertSame(LakeLayout expected, LakeLayout actual) {
    List<String> expectedTables = of(expected);
    List<String> actualTables = of(actual);
    for (int i = 0; i < expectedTables.size(); i++) {
      Dataset<Row> want = read(expectedTables.get(i));
      Dataset<Row> got = read(actualTables.get(i));
      assertTrue(want.count() > 0, "nothing to compare in " + expectedTables.get(i));
      try {
        DataFrames.assertSameRows(want, got);
      } catch (AssertionError e) {
        throw new AssertionError(actualTables.get(i) + " differs from " + expectedTables.get(i) + ": " + e.getMessage(), e);
      }
    }
  }

  private static Dataset<Row> read(String table) {
    return TestSpark.session().read().format("delta").load(table).drop(BronzeEvents.SOURCE_FINGERPRINT);
  }
}
