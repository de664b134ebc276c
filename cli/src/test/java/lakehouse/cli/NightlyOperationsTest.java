package lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.testing.DataFrames;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the lakehouse night after night: backfills, status and cleanup, on temporary lakes. */
class NightlyOperationsTest {
  private static final LocalDate FIRST = LocalDate.parse("2026-11-10");

  @TempDir Path nightly;
  @TempDir Path backfilled;

  private static void generate(Path lake, int days) {
    InProcessLakehouse.Outcome generated = InProcessLakehouse.run("generate", "--out", lake.toString(), "--from",
        FIRST.toString(), "--days", String.valueOf(days), "--events-per-day", "400", "--seed", "11",
        "--files-per-day", "2");
    assertEquals(0, generated.exitStatus(), generated.stderr());
  }

  @Test
  void aSevenDayBackfillGivesTheSameTablesAsSevenNightlyRuns() {
    generate(nightly, 7);
    generate(backfilled, 7);
    for (int day = 0; day < 7; day++) {
      InProcessLakehouse.Outcome run = InProcessLakehouse.run("run", "--date", FIRST.plusDays(day).toString(),
          "--lake", nightly.toString());
      assertEquals(0, run.exitStatus(), run.stderr());
    }
    InProcessLakehouse.Outcome backfill = InProcessLakehouse.run("backfill", "--from", FIRST.toString(), "--to",
        FIRST.plusDays(6).toString(), "--lake", backfilled.toString(), "--run-id", "backfill-1");
    assertEquals(0, backfill.exitStatus(), backfill.stderr());

    Map<String, Dataset<Row>> expected = LakeTables.of(nightly);
    Map<String, Dataset<Row>> actual = LakeTables.of(backfilled);
    expected.forEach((table, rows) -> {
      assertTrue(rows.count() > 0, table + " is empty");
      assertEquals(LakeTables.checksum(rows), LakeTables.checksum(actual.get(table)), table);
    });
    DataFrames.assertSameRows(expected.get("gold/user_features"), actual.get("gold/user_features"));

    // Started again, the same backfill finds every date done with the same inputs and redoes none.
    InProcessLakehouse.Outcome again = InProcessLakehouse.run("backfill", "--from", FIRST.toString(), "--to",
        FIRST.plusDays(6).toString(), "--lake", backfilled.toString(), "--run-id", "backfill-2");
    assertEquals(0, again.exitStatus(), again.stderr());
    assertEquals(7, again.stdout().lines().filter(l -> l.contains("already completed")).count(), again.stdout());
    Map<String, Dataset<Row>> resumed = LakeTables.of(backfilled);
    for (var table : expected.keySet()) {
      assertEquals(LakeTables.checksum(expected.get(table)), LakeTables.checksum(resumed.get(table)), table);
    }
  }

  @Test
  void statusMarksGoldStaleAfterSilverChangedUnderItAndNotAfterGoldIsRebuilt() throws Exception {
    generate(nightly, 3);
    for (int day = 0; day < 2; day++) {
      assertEquals(0, InProcessLakehouse.run("run", "--date", FIRST.plusDays(day).toString(), "--lake",
          nightly.toString()).exitStatus());
    }
    // The third day's silver (with late events for the first two days) lands, but its gold does not run.
    String third = FIRST.plusDays(2).toString();
    assertEquals(0, InProcessLakehouse.run("backfill", "--from", third, "--to", third, "--layers", "bronze,silver",
        "--lake", nightly.toString()).exitStatus());
    JsonNode stale = status();
    assertNotNull(staleOf(stale, "gold/user_features/v1", FIRST.plusDays(1).toString()),
        "user_features as of the second day read days the late events changed");
    assertNotNull(staleOf(stale, "gold/campaign_daily/v1", FIRST.plusDays(1).toString()));

    assertEquals(0, InProcessLakehouse.run("backfill", "--from", FIRST.toString(), "--to", third,
        "--layers", "gold", "--lake", nightly.toString()).exitStatus());
    JsonNode fresh = status();
    for (JsonNode partition : fresh) {
      assertTrue(partition.get("stale").isNull(), "still stale after gold was rebuilt: " + partition);
    }
  }

  @Test
  void cleanupDryRunListsAndCleanupRemovesOnlyWhatIsPastRetention() throws Exception {
    generate(nightly, 1);
    assertEquals(0, InProcessLakehouse.run("run", "--date", FIRST.toString(), "--lake", nightly.toString()).exitStatus());
    Path deadRun = Files.createDirectories(nightly.resolve(
        "_staging/user_features/v1/partition_key=" + FIRST + "/run_id=dead-run"));
    Files.writeString(deadRun.resolve("part-0.parquet"), "left by a run that died");
    java.nio.file.attribute.FileTime threeDaysAgo =
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3 * 24 * 3600 * 1000L);
    Files.setLastModifiedTime(deadRun.resolve("part-0.parquet"), threeDaysAgo);
    Files.setLastModifiedTime(deadRun, threeDaysAgo);
    Path recentRun = Files.createDirectories(nightly.resolve(
        "_staging/user_features/v1/partition_key=" + FIRST + "/run_id=running-now"));
    Files.writeString(recentRun.resolve("part-0.parquet"), "a run in progress");
    long before = LakeTables.checksum(LakeTables.of(nightly).get("gold/user_features"));

    InProcessLakehouse.Outcome dryRun = InProcessLakehouse.run("cleanup", "--dry-run", "--lake", nightly.toString());
    assertEquals(0, dryRun.exitStatus(), dryRun.stderr());
    assertTrue(dryRun.stdout().contains("would remove staging") && dryRun.stdout().contains("dead-run"), dryRun.stdout());
    assertFalse(dryRun.stdout().contains("running-now"), dryRun.stdout());
    assertTrue(Files.exists(deadRun), "a dry run removes nothing");

    InProcessLakehouse.Outcome cleanup = InProcessLakehouse.run("cleanup", "--lake", nightly.toString(),
        "--run-id", "cleanup-1");
    assertEquals(0, cleanup.exitStatus(), cleanup.stderr());
    assertFalse(Files.exists(deadRun));
    assertTrue(Files.exists(recentRun), "staging younger than the retention stays");
    assertEquals(before, LakeTables.checksum(LakeTables.of(nightly).get("gold/user_features")));
    JsonNode report = RunReportWriter.parse(Files.readString(nightly.resolve("_runs/cleanup-1.json")));
    assertEquals(1, report.get("layers").get("cleanup").get("staging_removed").size());
  }

  private JsonNode status() {
    InProcessLakehouse.Outcome status = InProcessLakehouse.run("status", "--json", "--lake", nightly.toString());
    assertEquals(0, status.exitStatus(), status.stderr());
    return RunReportWriter.parse(status.stdout());
  }

  private static String staleOf(JsonNode status, String table, String partition) {
    for (JsonNode row : status) {
      if (row.get("table").asText().equals(table) && row.get("partition").asText().equals(partition)) {
        return row.get("stale").isNull() ? null : row.get("stale").asText();
      }
    }
    throw new AssertionError("no partition " + partition + " of " + table + " in status: " + status);
  }
}
