package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.testing.DataFrames;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill of several dates through {@code scripts/lakehouse}, killed with SIGKILL once its first
 * date is done, then started again: it skips what was completed, redoes the date it was killed in,
 * and ends with the tables that the nightly runs of the same dates make.
 */
class BackfillIT {
  /** Enough dates that the kill after the first leaves some done and some to do. */
  private static final int DATES = 4;

  private static final LocalDate FIRST = LocalDate.parse("2026-11-10");
  private static final LocalDate LAST = FIRST.plusDays(DATES - 1);
  private static final Pattern DATE_SUCCEEDED =
      Pattern.compile("^backfill \\d{4}-\\d{2}-\\d{2}: succeeded$");

  @TempDir Path nightly;
  @TempDir Path backfilled;

  private static void generate(Path lake) {
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            FIRST.toString(),
            "--days",
            String.valueOf(DATES),
            "--events-per-day",
            "400",
            "--seed",
            "11",
            "--files-per-day",
            "2");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
  }

  private static long count(String output, Pattern line) {
    return output.lines().filter(l -> line.matcher(l).matches()).count();
  }

  @Test
  @DisplayName(
      "a backfill killed in the middle resumes without redoing completed dates and matches the nightly runs")
  void aKilledBackfillResumesAndMatchesNightlyRuns() throws Exception {
    generate(nightly);
    generate(backfilled);
    LakehouseProcess.Running backfill =
        LakehouseProcess.launch(
            "scripts/lakehouse",
            InProcessLakehouse.KEY,
            "backfill",
            "--from",
            FIRST.toString(),
            "--to",
            LAST.toString(),
            "--lake",
            backfilled.toString(),
            "--run-id",
            "backfill-1");
    // The same dates, night by night, in this JVM while the backfill runs in its own.
    CompletableFuture<Void> nightlyRuns =
        CompletableFuture.runAsync(
            () -> {
              for (LocalDate date = FIRST; !date.isAfter(LAST); date = date.plusDays(1)) {
                InProcessLakehouse.Outcome run =
                    InProcessLakehouse.run(
                        "run", "--date", date.toString(), "--lake", nightly.toString());
                assertThat(run.exitStatus()).as(run.stderr()).isZero();
              }
            });

    boolean firstDateDone =
        backfill.awaitLine("backfill " + FIRST + ": succeeded", Duration.ofMinutes(8));
    LakehouseProcess.Outcome killed = backfill.kill();
    assertThat(firstDateDone)
        .as("the backfill never completed its first date:\n" + killed.all())
        .isTrue();
    long completedBeforeTheKill = count(killed.stdout(), DATE_SUCCEEDED);
    assertThat(killed.exitStatus()).as(killed.all()).isNotZero();
    assertThat(completedBeforeTheKill)
        .as("the kill came after the last date:\n" + killed.stdout())
        .isLessThan(DATES);
    nightlyRuns.join();

    InProcessLakehouse.Outcome resumed =
        InProcessLakehouse.run(
            "backfill",
            "--from",
            FIRST.toString(),
            "--to",
            LAST.toString(),
            "--lake",
            backfilled.toString(),
            "--run-id",
            "backfill-2");
    assertThat(resumed.exitStatus()).as(resumed.stderr()).isZero();
    long skipped = resumed.stdout().lines().filter(l -> l.contains("already completed")).count();
    // A kill between a date's ledger entry and its progress line leaves that date completed but
    // unannounced.
    assertThat(skipped)
        .as(completedBeforeTheKill + " dates were done before the kill:\n" + resumed.stdout())
        .isIn(completedBeforeTheKill, completedBeforeTheKill + 1);
    assertThat(count(resumed.stdout(), DATE_SUCCEEDED))
        .as(resumed.stdout())
        .isEqualTo(DATES - skipped);
    assertSameTables(nightly, backfilled);

    // Started once more, it finds every date done with the same inputs and redoes none, even with
    // settings changed that decide only how it runs (Spark's partitions, where features are served,
    // a lease's ttl).
    InProcessLakehouse.Outcome again =
        InProcessLakehouse.run(
            "backfill",
            "--from",
            FIRST.toString(),
            "--to",
            LAST.toString(),
            "--lake",
            backfilled.toString(),
            "--run-id",
            "backfill-3",
            "--set",
            "spark.\"spark.sql.shuffle.partitions\"=3",
            "--set",
            "online.redis.port=6390",
            "--set",
            "writer-lease.ttl=5m");
    assertThat(again.exitStatus()).as(again.stderr()).isZero();
    assertThat(again.stdout().lines().filter(l -> l.contains("already completed")).count())
        .as(again.stdout())
        .isEqualTo(DATES);

    aGoldBackfillBesideANightlyRunOfTheSamePartitionsLeavesTheSameTables();
  }

  /**
   * A gold rebuild of the dates in its own process and, once it has started gold, the nightly run
   * of the last day in this JVM: both succeed, the run that started later holds the partition both
   * built, and every table still holds what the nightly runs make.
   */
  private void aGoldBackfillBesideANightlyRunOfTheSamePartitionsLeavesTheSameTables()
      throws Exception {
    LakehouseProcess.Running rebuild =
        LakehouseProcess.launch(
            "scripts/lakehouse",
            InProcessLakehouse.KEY,
            "backfill",
            "--from",
            FIRST.toString(),
            "--to",
            LAST.toString(),
            "--layers",
            "gold",
            "--lake",
            backfilled.toString(),
            "--run-id",
            "rebuild");
    Path rebuildStarted = backfilled.resolve("gold/_runs/rebuild-" + FIRST + "_" + LAST + ".json");
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!Files.exists(rebuildStarted) && rebuild.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(rebuildStarted).as("the gold rebuild never started:\n" + rebuild.stdout()).exists();

    InProcessLakehouse.Outcome nightlyRun =
        InProcessLakehouse.run(
            "run",
            "--date",
            LAST.toString(),
            "--lake",
            backfilled.toString(),
            "--run-id",
            "nightly-beside");
    LakehouseProcess.Outcome rebuilt = rebuild.await(Duration.ofMinutes(10));

    assertThat(nightlyRun.exitStatus()).as(nightlyRun.stderr()).isZero();
    assertThat(rebuilt.exitStatus()).as(rebuilt.all()).isZero();
    assertSameTables(nightly, backfilled);
    InProcessLakehouse.Outcome status =
        InProcessLakehouse.run("status", "--json", "--lake", backfilled.toString());
    for (JsonNode partition : RunReportWriter.parse(status.stdout()).get("partitions")) {
      String table = partition.get("table").asText();
      // The nightly run found nothing new in silver, so of the shared partitions it built
      // user_features as of its date.
      if (table.startsWith("gold/user_features")
          && partition.get("partition").asText().equals(LAST.toString())) {
        assertThat(partition.get("run_id").asText())
            .as("the later run holds " + partition)
            .isEqualTo("nightly-beside");
      }
      assertThat(partition.get("stale").isNull()).as("stale: " + partition).isTrue();
    }
  }

  private static void assertSameTables(Path expectedLake, Path actualLake) {
    Map<String, Dataset<Row>> expected = LakeTables.of(expectedLake);
    Map<String, Dataset<Row>> actual = LakeTables.of(actualLake);
    expected.forEach(
        (table, rows) -> {
          assertThat(rows.count()).as(table + " is empty").isPositive();
          assertThat(LakeTables.checksum(actual.get(table)))
              .as(table)
              .isEqualTo(LakeTables.checksum(rows));
        });
    DataFrames.assertSameRows(expected.get("gold/user_features"), actual.get("gold/user_features"));
  }
}
