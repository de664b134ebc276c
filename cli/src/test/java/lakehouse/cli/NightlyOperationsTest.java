package lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the lakehouse night after night: backfills, status and cleanup, on temporary lakes. */
class NightlyOperationsTest {
  private static final LocalDate FIRST = LocalDate.parse("2026-11-10");

  @TempDir Path nightly;

  private static void generate(Path lake, int days) {
    InProcessLakehouse.Outcome generated = InProcessLakehouse.run("generate", "--out", lake.toString(), "--from",
        FIRST.toString(), "--days", String.valueOf(days), "--events-per-day", "400", "--seed", "11",
        "--files-per-day", "2");
    assertEquals(0, generated.exitStatus(), generated.stderr());
  }

  @Test
  void aRunThatFailsInGoldExitsOneKeepsWhatItCommittedAndTheNextRunFinishesTheDay() throws Exception {
    generate(nightly, 1);
    String day = FIRST.toString();
    // Gold cannot stage: where its staging folder belongs, there is a file.
    Path blocked = Files.writeString(nightly.resolve("_staging"), "not a folder");

    InProcessLakehouse.Outcome failed = InProcessLakehouse.run("run", "--date", day, "--lake", nightly.toString(),
        "--run-id", "run-failed");

    assertEquals(1, failed.exitStatus(), failed.stderr());
    assertTrue(failed.stderr().lines().anyMatch(l -> l.startsWith("error: run run-failed failed: ")
        && l.contains("_staging")), failed.stderr());
    JsonNode report = RunReportWriter.parse(Files.readString(nightly.resolve("_runs/run-failed.json")));
    assertEquals("failed", report.get("status").asText());
    assertEquals(1, report.get("exit_status").asInt());
    long accepted = report.at("/layers/silver/rows_accepted").asLong();
    assertTrue(accepted > 0, report.toString());
    assertTrue(report.at("/layers/gold").isMissingNode(), "gold did not finish: " + report);
    assertEquals(accepted, silverEvents().count(), "silver keeps what it committed");
    assertFalse(Files.exists(nightly.resolve("gold/user_features/v1/_delta_log")), "nothing of gold was promoted");

    Files.delete(blocked);
    InProcessLakehouse.Outcome retried = InProcessLakehouse.run("run", "--date", day, "--lake", nightly.toString(),
        "--run-id", "run-retried");

    assertEquals(0, retried.exitStatus(), retried.stderr());
    JsonNode retriedReport = RunReportWriter.parse(Files.readString(nightly.resolve("_runs/run-retried.json")));
    assertEquals(0, retriedReport.at("/layers/bronze/files_ingested").asInt(), retriedReport.toString());
    assertEquals(0, retriedReport.at("/layers/silver/rows_accepted").asLong(), retriedReport.toString());
    assertTrue(retried.stdout().contains("also rebuilds event dates"), retried.stdout());
    Map<String, Dataset<Row>> afterRetry = LakeTables.of(nightly);
    assertEquals(accepted, afterRetry.get("silver/ad_events").count(), "the retry added no silver rows");
    // The retry finishes the day: gold holds every date the failed run's silver changed, and none is stale.
    List<String> silverDates = dates(afterRetry.get("silver/ad_events"), "event_date");
    assertEquals(silverDates, dates(afterRetry.get("gold/campaign_daily"), "event_date"));
    for (JsonNode partition : status()) {
      assertTrue(partition.get("stale").isNull(), "stale after the retry: " + partition);
    }
  }

  private static List<String> dates(Dataset<Row> rows, String column) {
    return rows.select(column).distinct().orderBy(column).collectAsList().stream()
        .map(r -> r.get(0).toString()).toList();
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

    InProcessLakehouse.Outcome rebuild = InProcessLakehouse.run("backfill", "--from", FIRST.toString(), "--to", third,
        "--layers", "gold", "--lake", nightly.toString());
    assertEquals(0, rebuild.exitStatus(), rebuild.stderr());
    assertTrue(rebuild.stdout().contains("gold    " + FIRST + ".." + third + ": promoted"),
        "the three dates are rebuilt together: " + rebuild.stdout());
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

  private Dataset<Row> silverEvents() {
    return TestSpark.session().read().format("delta").load(nightly.resolve("silver/ad_events").toString());
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
