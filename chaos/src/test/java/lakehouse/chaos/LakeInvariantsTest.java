package lakehouse.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's checks catch each broken guarantee, and stay silent on a lake that keeps them: a
 * chaos run that reports no violation means something only if these can fail.
 */
class LakeInvariantsTest {
  private final SparkSession spark = TestSpark.session();
  @TempDir Path root;

  @Test
  void aConsistentLakeBreaksNothing() {
    ChaosLake lake = new ChaosLake(root);
    writeGold(
        lake, "('2026-11-01', 'u1', 'r1'), ('2026-11-01', 'u2', 'r1'), ('2026-11-02', 'u1', 'r2')");
    writeSilver(lake, "('e1'), ('e2')");
    stage(lake, "2026-11-01", "r1", 2);

    assertThat(new LakeInvariants(spark).check(lake)).isEmpty();
  }

  @Test
  void aPartitionHoldingTwoRunsIsAViolation() {
    ChaosLake lake = new ChaosLake(root);
    writeGold(lake, "('2026-11-01', 'u1', 'r1'), ('2026-11-01', 'u2', 'r2')");

    assertThat(new LakeInvariants(spark).check(lake))
        .extracting(Violation::invariant)
        .containsExactly(LakeInvariants.ONE_RUN_PER_PARTITION);
  }

  @Test
  void aPartitionWithFewerRowsThanItsRunStagedIsAViolation() {
    ChaosLake lake = new ChaosLake(root);
    writeGold(lake, "('2026-11-01', 'u1', 'r1')");
    stage(lake, "2026-11-01", "r1", 2);

    assertThat(new LakeInvariants(spark).check(lake))
        .extracting(Violation::invariant)
        .containsExactly(LakeInvariants.COMPLETE_PARTITION);
  }

  @Test
  void aKeyTwiceInAPartitionIsAViolation() {
    ChaosLake lake = new ChaosLake(root);
    writeGold(lake, "('2026-11-01', 'u1', 'r1'), ('2026-11-01', 'u1', 'r1')");

    assertThat(new LakeInvariants(spark).check(lake))
        .extracting(Violation::invariant)
        .containsExactly(LakeInvariants.UNIQUE_KEYS);
  }

  @Test
  void anEventTwiceInSilverIsAViolation() {
    ChaosLake lake = new ChaosLake(root);
    writeSilver(lake, "('e1'), ('e2'), ('e1')");

    assertThat(new LakeInvariants(spark).check(lake))
        .extracting(Violation::invariant)
        .containsExactly(LakeInvariants.UNIQUE_EVENTS);
  }

  @Test
  void aReportWhoseCountsDoNotAddUpIsAViolation() throws Exception {
    ChaosLake lake = new ChaosLake(root);
    Files.createDirectories(lake.reports());
    Files.writeString(
        lake.reports().resolve("r1.json"),
        "{\"run_id\": \"r1\", \"status\": \"succeeded\", \"layers\": {\"silver\": {\"rows_read\": 10,"
            + " \"rows_accepted\": 6, \"records_quarantined\": 2, \"duplicates_dropped\": 1}}}");
    Files.writeString(
        lake.reports().resolve("r2.json"),
        "{\"run_id\": \"r2\", \"status\": \"succeeded\", \"layers\": {\"silver\": {\"rows_read\": 9,"
            + " \"rows_accepted\": 6, \"records_quarantined\": 2, \"duplicates_dropped\": 1}}}");

    assertThat(new LakeInvariants(spark).check(lake))
        .extracting(Violation::detail)
        .singleElement()
        .asString()
        .startsWith("r1.json");
  }

  @Test
  void aLakeMissingARowDiffersFromTheCleanRunButRunIdsDoNot() {
    ChaosLake clean = new ChaosLake(root.resolve("clean"));
    writeGold(clean, "('2026-11-01', 'u1', 'clean-run'), ('2026-11-01', 'u2', 'clean-run')");
    ChaosLake sameRowsOtherRun = new ChaosLake(root.resolve("same"));
    writeGold(sameRowsOtherRun, "('2026-11-01', 'u1', 'retry'), ('2026-11-01', 'u2', 'retry')");
    ChaosLake missingOne = new ChaosLake(root.resolve("missing"));
    writeGold(missingOne, "('2026-11-01', 'u1', 'retry')");

    LakeComparison comparison = new LakeComparison(spark);
    assertThat(comparison.compare(sameRowsOtherRun, clean).violations()).isEmpty();
    LakeComparison.Differences differences = comparison.compare(missingOne, clean);
    assertThat(differences.rowsLost()).isEqualTo(1);
    assertThat(differences.violations())
        .singleElement()
        .extracting(Violation::detail)
        .asString()
        .contains("1 rows missing", "u2");
  }

  @Test
  void aRowHeldTwiceOrOneTooManyIsExtraAndCountedWithItsCopies() {
    ChaosLake clean = new ChaosLake(root.resolve("clean"));
    writeGold(clean, "('2026-11-01', 'u1', 'clean-run'), ('2026-11-01', 'u2', 'clean-run')");
    ChaosLake duplicated = new ChaosLake(root.resolve("duplicated"));
    writeGold(
        duplicated,
        "('2026-11-01', 'u1', 'retry'), ('2026-11-01', 'u1', 'retry'),"
            + " ('2026-11-01', 'u3', 'retry'), ('2026-11-02', 'u2', 'retry')");

    LakeComparison.Differences differences = new LakeComparison(spark).compare(duplicated, clean);

    assertThat(differences.rowsLost()).as("u2 of 2026-11-01").isEqualTo(1);
    assertThat(differences.violations())
        .singleElement()
        .extracting(Violation::detail)
        .asString()
        .contains("1 rows missing", "3 rows extra", "u3");
  }

  /** user_features rows (as_of_date, user_id, run_id): what the checks read of a gold table. */
  private void writeGold(ChaosLake lake, String values) {
    CatalogTable table = lake.goldTables().get(0);
    spark
        .sql(
            "SELECT CAST(d AS DATE) AS as_of_date, u AS user_id, r AS run_id FROM VALUES "
                + values
                + " AS t(d, u, r)")
        .write()
        .format("delta")
        .partitionBy("as_of_date")
        .save(table.path());
  }

  private void writeSilver(ChaosLake lake, String values) {
    spark
        .sql("SELECT e AS event_id FROM VALUES " + values + " AS t(e)")
        .write()
        .format("delta")
        .save(lake.silverEvents().path());
  }

  private void stage(ChaosLake lake, String partition, String run, int rows) {
    CatalogTable table = lake.goldTables().get(0);
    Dataset<Row> staged = spark.range(rows).toDF();
    staged
        .write()
        .parquet(
            lake.layout()
                .stagedPartition(table.name(), table.version().orElseThrow(), partition, run));
  }
}
