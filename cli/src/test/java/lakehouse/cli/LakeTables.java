package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Every table of a lake, read for comparison: lineage columns that name runs or file times are left
 * out.
 */
final class LakeTables {
  /**
   * Lineage that differs between two lakes given the same input: the runs, and the landing files'
   * times.
   */
  private static final List<String> RUN_COLUMNS = List.of("run_id", "source_fingerprint");

  private LakeTables() {}

  static Map<String, Dataset<Row>> of(Path root) {
    LakeLayout lake = new LakeLayout(root.toString());
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("bronze/ad_events", lake.bronzeEvents());
    paths.put("silver/quarantine", lake.quarantine());
    paths.put("silver/ad_events", lake.silverEvents());
    paths.put(
        "silver/user_daily_activity",
        lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
    paths.put(
        "silver/ad_hourly_activity",
        lake.featureGroup(AdHourlyActivity.NAME, AdHourlyActivity.VERSION));
    paths.put("gold/user_features", lake.goldTable(UserFeatures.NAME, UserFeatures.VERSION));
    paths.put("gold/campaign_daily", lake.goldTable(CampaignDaily.NAME, CampaignDaily.VERSION));
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    paths.forEach(
        (name, path) -> {
          Dataset<Row> rows = TestSpark.session().read().format("delta").load(path);
          List<String> kept = new ArrayList<>(Arrays.asList(rows.columns()));
          kept.removeAll(RUN_COLUMNS);
          tables.put(name, rows.selectExpr(kept.toArray(String[]::new)));
        });
    return tables;
  }

  /** An order-independent checksum of a table's rows. */
  static long checksum(Dataset<Row> rows) {
    Row sum =
        rows.select(
                functions.sum(
                    functions
                        .xxhash64(
                            Arrays.stream(rows.columns())
                                .map(functions::col)
                                .toArray(org.apache.spark.sql.Column[]::new))
                        .cast("decimal(38,0)")),
                functions.count(functions.lit(1)))
            .head();
    return (sum.isNullAt(0) ? 0 : sum.getDecimal(0).longValue()) * 31 + sum.getLong(1);
  }

  /**
   * Asserts that each table holds the same rows in both lakes, for tests that move a run somewhere
   * else (S3, a cluster) with the same run ids. The landing file's fingerprint includes its
   * modification time, which differs between two deliveries of the same bytes, so it is left out.
   */
  static void assertSame(LakeLayout expected, LakeLayout actual) {
    assertSameTables(expected, actual, LakeTables::withoutFingerprint);
  }

  /**
   * Asserts that each table holds the same rows in both lakes, apart from the columns that name the
   * run that wrote a row (and the landing file's fingerprint), for lakes that ran the same input
   * under other run ids.
   */
  static void assertSameIgnoringRuns(LakeLayout expected, LakeLayout actual) {
    assertSameTables(expected, actual, LakeTables::withoutRuns);
  }

  /** Each table of both lakes, read the given way, holds the same rows; the expected not none. */
  private static void assertSameTables(
      LakeLayout expected, LakeLayout actual, Function<String, Dataset<Row>> read) {
    List<String> expectedTables = pathsOf(expected);
    List<String> actualTables = pathsOf(actual);
    for (int i = 0; i < expectedTables.size(); i++) {
      Dataset<Row> want = read.apply(expectedTables.get(i));
      Dataset<Row> got = read.apply(actualTables.get(i));
      assertThat(want.count()).as("nothing to compare in " + expectedTables.get(i)).isPositive();
      try {
        lakehouse.shared.testing.DataFrames.assertSameRows(want, got);
      } catch (AssertionError e) {
        throw new AssertionError(
            actualTables.get(i) + " differs from " + expectedTables.get(i) + ": " + e.getMessage(),
            e);
      }
    }
  }

  private static Dataset<Row> withoutRuns(String table) {
    return TestSpark.session()
        .read()
        .format("delta")
        .load(table)
        .drop(RUN_COLUMNS.toArray(String[]::new));
  }

  private static List<String> pathsOf(LakeLayout lake) {
    return List.of(
        lake.bronzeEvents(),
        lake.silverEvents(),
        lake.quarantine(),
        lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION),
        lake.featureGroup(AdHourlyActivity.NAME, AdHourlyActivity.VERSION),
        lake.goldTable(UserFeatures.NAME, UserFeatures.VERSION),
        lake.goldTable(CampaignDaily.NAME, CampaignDaily.VERSION));
  }

  private static Dataset<Row> withoutFingerprint(String table) {
    return TestSpark.session().read().format("delta").load(table).drop("source_fingerprint");
  }
}
