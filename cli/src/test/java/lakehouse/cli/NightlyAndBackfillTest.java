package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.testing.TestSpark;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos scenario {@code nightly-and-backfill}, made repeatable: a nightly run and a backfill of
 * the same date started at the same moment on a local lake, where nothing serialises them. They
 * decide the same work, so every commit of one races the same commit of the other. Both must
 * succeed (the one that loses a race decides again against what the other committed) and leave the
 * lake as one run of the date would.
 */
class NightlyAndBackfillTest {
  private static final LocalDate DATE = LocalDate.parse("2026-11-20");

  @TempDir Path raced;
  @TempDir Path alone;

  @Test
  @DisplayName(
      "nightly-and-backfill: a night and a backfill of the same date started together both exit 0"
          + " and leave the lake one run would")
  void nightlyAndBackfillStartedTogetherConverge() throws Exception {
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            raced.toString(),
            "--from",
            DATE.toString(),
            "--days",
            "1",
            "--events-per-day",
            "400",
            "--seed",
            "11",
            "--files-per-day",
            "3");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
    FileUtils.copyDirectory(raced.resolve("landing").toFile(), alone.resolve("landing").toFile());

    CyclicBarrier start = new CyclicBarrier(2);
    CompletableFuture<InProcessLakehouse.Outcome> night =
        CompletableFuture.supplyAsync(
            () ->
                afterBarrier(
                    start,
                    "run",
                    "--date",
                    DATE.toString(),
                    "--lake",
                    raced.toString(),
                    "--run-id",
                    "nightly"));
    CompletableFuture<InProcessLakehouse.Outcome> backfill =
        CompletableFuture.supplyAsync(
            () ->
                afterBarrier(
                    start,
                    "backfill",
                    "--from",
                    DATE.toString(),
                    "--to",
                    DATE.toString(),
                    "--lake",
                    raced.toString()));
    for (InProcessLakehouse.Outcome outcome : List.of(night.get(), backfill.get())) {
      assertThat(outcome.exitStatus()).as(outcome.stdout() + outcome.stderr()).isZero();
    }

    InProcessLakehouse.Outcome once =
        InProcessLakehouse.run(
            "run", "--date", DATE.toString(), "--lake", alone.toString(), "--run-id", "alone");
    assertThat(once.exitStatus()).as(once.stderr()).isZero();

    LakeLayout racedLake = new LakeLayout(raced.toString());
    List<Row> repeatedEvents =
        TestSpark.session()
            .read()
            .format("delta")
            .load(racedLake.silverEvents())
            .groupBy("event_id")
            .count()
            .where("count > 1")
            .collectAsList();
    assertThat(repeatedEvents).as("event ids silver holds more than once").isEmpty();
    LakeTables.assertSameIgnoringRuns(new LakeLayout(alone.toString()), racedLake);
  }

  private static InProcessLakehouse.Outcome afterBarrier(CyclicBarrier start, String... arguments) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return InProcessLakehouse.run(arguments);
  }
}
