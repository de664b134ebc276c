package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the lakehouse night after night: backfills, status and cleanup, on temporary lakes. */
class NightlyOperationsTest {
  private static final LocalDate FIRST = LocalDate.parse("2026-11-10");

  @TempDir Path nightly;

  private static void generate(Path lake, int days) {
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            FIRST.toString(),
            "--days",
            String.valueOf(days),
            "--events-per-day",
            "400",
            "--seed",
            "11",
            "--files-per-day",
            "2");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
  }

  @Test
  @DisplayName(
      "a run that fails in gold exits 1, keeps what it committed, and the next run finishes the day")
  void aRunFailingInGoldIsFinishedByTheNextRun() throws Exception {
    generate(nightly, 1);
    String day = FIRST.toString();
    // Gold cannot stage: where its staging folder belongs, there is a file.
    Path blocked = Files.writeString(nightly.resolve("_staging"), "not a folder");

    InProcessLakehouse.Outcome failed =
        InProcessLakehouse.run(
            "run", "--date", day, "--lake", nightly.toString(), "--run-id", "run-failed");

    assertThat(failed.exitStatus()).as(failed.stderr()).isEqualTo(1);
    assertThat(failed.stderr().lines())
        .as(failed.stderr())
        .anyMatch(l -> l.startsWith("error: run run-failed failed: ") && l.contains("_staging"));
    JsonNode report =
        RunReportWriter.parse(Files.readString(nightly.resolve("_runs/run-failed.json")));
    assertThat(report.get("status").asText()).isEqualTo("failed");
    assertThat(report.get("exit_status").asInt()).isEqualTo(1);
    long accepted = report.at("/layers/silver/rows_accepted").asLong();
    assertThat(accepted).as(report.toString()).isPositive();
    assertThat(report.at("/layers/gold").isMissingNode())
        .as("gold did not finish: " + report)
        .isTrue();
    assertThat(silverEvents().count()).as("silver keeps what it committed").isEqualTo(accepted);
    assertThat(nightly.resolve("gold/user_features/v1/_delta_log"))
        .as("nothing of gold was promoted")
        .doesNotExist();

    Files.delete(blocked);
    InProcessLakehouse.Outcome retried =
        InProcessLakehouse.run(
            "run", "--date", day, "--lake", nightly.toString(), "--run-id", "run-retried");

    assertThat(retried.exitStatus()).as(retried.stderr()).isZero();
    JsonNode retriedReport =
        RunReportWriter.parse(Files.readString(nightly.resolve("_runs/run-retried.json")));
    assertThat(retriedReport.at("/layers/bronze/files_ingested").asInt())
        .as(retriedReport.toString())
        .isZero();
    assertThat(retriedReport.at("/layers/silver/rows_accepted").asLong())
        .as(retriedReport.toString())
        .isZero();
    assertThat(retried.stdout()).contains("also rebuilds event dates");
    Map<String, Dataset<Row>> afterRetry = LakeTables.of(nightly);
    assertThat(afterRetry.get("silver/ad_events").count())
        .as("the retry added no silver rows")
        .isEqualTo(accepted);
    // The retry finishes the day: gold holds every date the failed run's silver changed, and none
    // is stale.
    List<String> silverDates = dates(afterRetry.get("silver/ad_events"), "event_date");
    assertThat(dates(afterRetry.get("gold/campaign_daily"), "event_date")).isEqualTo(silverDates);
    for (JsonNode partition : status()) {
      assertThat(partition.get("stale").isNull())
          .as("stale after the retry: " + partition)
          .isTrue();
    }
  }

  private static List<String> dates(Dataset<Row> rows, String column) {
    return rows.select(column).distinct().orderBy(column).collectAsList().stream()
        .map(r -> r.get(0).toString())
        .toList();
  }

  @Test
  @DisplayName(
      "status marks gold stale after silver changed under it, and not after gold is rebuilt")
  void statusMarksGoldStaleUntilItIsRebuilt() throws Exception {
    generate(nightly, 3);
    for (int day = 0; day < 2; day++) {
      assertThat(
              InProcessLakehouse.run(
                      "run", "--date", FIRST.plusDays(day).toString(), "--lake", nightly.toString())
                  .exitStatus())
          .isZero();
    }
    // The third day's silver (with late events for the first two days) lands, but its gold does not
    // run.
    String third = FIRST.plusDays(2).toString();
    assertThat(
            InProcessLakehouse.run(
                    "backfill",
                    "--from",
                    third,
                    "--to",
                    third,
                    "--layers",
                    "bronze,silver",
                    "--lake",
                    nightly.toString(),
                    "--run-id",
                    "silver-only")
                .exitStatus())
        .isZero();
    assertThat(staleGauge("silver-only", "campaign_daily"))
        .as("the run's gauges count the partitions silver left stale")
        .isPositive();
    JsonNode stale = status();
    assertThat(staleOf(stale, "gold/user_features/v1", FIRST.plusDays(1).toString()))
        .as("user_features as of the second day read days the late events changed")
        .isNotNull();
    assertThat(staleOf(stale, "gold/campaign_daily/v1", FIRST.plusDays(1).toString())).isNotNull();

    InProcessLakehouse.Outcome rebuild =
        InProcessLakehouse.run(
            "backfill",
            "--from",
            FIRST.toString(),
            "--to",
            third,
            "--layers",
            "gold",
            "--lake",
            nightly.toString());
    assertThat(rebuild.exitStatus()).as(rebuild.stderr()).isZero();
    assertThat(rebuild.stdout())
        .as("the three dates are rebuilt together: " + rebuild.stdout())
        .contains("gold    " + FIRST + ".." + third + ": promoted");
    JsonNode fresh = status();
    for (JsonNode partition : fresh) {
      assertThat(partition.get("stale").isNull())
          .as("still stale after gold was rebuilt: " + partition)
          .isTrue();
    }

    // A night's gold searches its window for what silver left behind; its gauges take the answer
    // (nothing stale) rather than search again, and agree with status.
    assertThat(
            InProcessLakehouse.run(
                    "run", "--date", third, "--lake", nightly.toString(), "--run-id", "again")
                .exitStatus())
        .isZero();
    assertThat(staleGauge("again", "campaign_daily")).isZero();
    assertThat(staleGauge("again", "user_features")).isZero();
  }

  private long staleGauge(String runId, String table) throws IOException {
    JsonNode report =
        RunReportWriter.parse(Files.readString(nightly.resolve("_runs/" + runId + ".json")));
    JsonNode stale = report.at("/metrics/lake/gold_partitions_stale/" + table);
    assertThat(stale.isNumber()).as(report.toString()).isTrue();
    return stale.asLong();
  }

  @Test
  @DisplayName("cleanup --dry-run lists, and cleanup removes, only what is past retention")
  void cleanupRemovesOnlyWhatIsPastRetention() throws Exception {
    generate(nightly, 1);
    assertThat(
            InProcessLakehouse.run("run", "--date", FIRST.toString(), "--lake", nightly.toString())
                .exitStatus())
        .isZero();
    Path deadRun =
        Files.createDirectories(
            nightly.resolve(
                "_staging/user_features/v1/partition_key=" + FIRST + "/run_id=dead-run"));
    Files.writeString(deadRun.resolve("part-0.parquet"), "left by a run that died");
    java.nio.file.attribute.FileTime threeDaysAgo =
        java.nio.file.attribute.FileTime.fromMillis(
            System.currentTimeMillis() - 3 * 24 * 3600 * 1000L);
    Files.setLastModifiedTime(deadRun.resolve("part-0.parquet"), threeDaysAgo);
    Files.setLastModifiedTime(deadRun, threeDaysAgo);
    Path recentRun =
        Files.createDirectories(
            nightly.resolve(
                "_staging/user_features/v1/partition_key=" + FIRST + "/run_id=running-now"));
    Files.writeString(recentRun.resolve("part-0.parquet"), "a run in progress");
    long before = LakeTables.checksum(LakeTables.of(nightly).get("gold/user_features"));

    InProcessLakehouse.Outcome dryRun =
        InProcessLakehouse.run("cleanup", "--dry-run", "--lake", nightly.toString());
    assertThat(dryRun.exitStatus()).as(dryRun.stderr()).isZero();
    assertThat(dryRun.stdout()).contains("would remove staging", "dead-run");
    assertThat(dryRun.stdout()).doesNotContain("running-now");
    assertThat(deadRun).as("a dry run removes nothing").exists();

    InProcessLakehouse.Outcome cleanup =
        InProcessLakehouse.run("cleanup", "--lake", nightly.toString(), "--run-id", "cleanup-1");
    assertThat(cleanup.exitStatus()).as(cleanup.stderr()).isZero();
    assertThat(deadRun).doesNotExist();
    assertThat(recentRun).as("staging younger than the retention stays").exists();
    assertThat(LakeTables.checksum(LakeTables.of(nightly).get("gold/user_features")))
        .isEqualTo(before);
    JsonNode report =
        RunReportWriter.parse(Files.readString(nightly.resolve("_runs/cleanup-1.json")));
    assertThat(report.get("layers").get("cleanup").get("staging_removed")).hasSize(1);
  }

  private Dataset<Row> silverEvents() {
    return TestSpark.session()
        .read()
        .format("delta")
        .load(nightly.resolve("silver/ad_events").toString());
  }

  private JsonNode status() {
    InProcessLakehouse.Outcome status =
        InProcessLakehouse.run("status", "--json", "--lake", nightly.toString());
    assertThat(status.exitStatus()).as(status.stderr()).isZero();
    return RunReportWriter.parse(status.stdout()).get("partitions");
  }

  private static String staleOf(JsonNode status, String table, String partition) {
    for (JsonNode row : status) {
      if (row.get("table").asText().equals(table)
          && row.get("partition").asText().equals(partition)) {
        return row.get("stale").isNull() ? null : row.get("stale").asText();
      }
    }
    throw new AssertionError(
        "no partition " + partition + " of " + table + " in status: " + status);
  }
}
