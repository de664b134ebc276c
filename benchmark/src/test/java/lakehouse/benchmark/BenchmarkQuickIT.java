package lakehouse.benchmark;

import static lakehouse.shared.testing.ProjectScript.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import lakehouse.shared.testing.ProjectScript;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/benchmark.sh --quick}: small nights beside every reference, through the packaged
 * lakehouse. The DuckDB and Spark references check their counts and rows against the night's tables
 * and fail the benchmark when one differs, so this also shows that each reference does the night's
 * work.
 */
class BenchmarkQuickIT {
  /** The rest of a line of the printed table: times and ratios, all numbers. */
  private static final String NUMBERS =
      " +\\| +[0-9.]+ / +[0-9.]+ s \\| +[0-9.]+ / +[0-9.]+ s \\| +[0-9.]+ / [0-9.]+";

  @Test
  @DisplayName("the quick benchmark times every pair and every reference agrees with the night")
  void everyPairIsTimedAndEveryReferenceAgrees() throws Exception {
    Path work = PROJECT.resolve("benchmark/target/benchmark-quick");
    ProjectScript.Outcome benchmark =
        ProjectScript.run(
            PROJECT.resolve("benchmark/target/benchmark-quick.txt"),
            Duration.ofMinutes(20),
            "benchmark.sh",
            "--quick",
            "--work",
            work.toString());
    assertThat(benchmark.ended()).as("benchmark --quick ended within 20 minutes").isTrue();
    assertThat(benchmark.exitStatus()).as(benchmark.printed()).isZero();
    for (String pair :
        List.of(
            "night of 20000 vs floor",
            "night of 20000 vs dedup-group",
            "silver vs DuckDB silver",
            "silver vs Spark silver",
            "gold vs DuckDB gold",
            "gold vs Spark gold",
            "night of 5000 vs floor")) {
      assertThat(benchmark.printed())
          .containsPattern(Pattern.compile(Pattern.quote(pair) + NUMBERS));
    }
    assertThat(Files.readString(work.resolve("logs/round-1-2026-11-01-spark-silver.out")))
        .contains("spark-silver: silver of run bench-r1-2026-11-01 in")
        .contains("counts equal silver's");
    assertThat(Files.readString(work.resolve("logs/round-1-2026-11-01-spark-gold.out")))
        .contains("spark-gold user_features: values equal gold's")
        .contains("spark-gold campaign_daily: values equal gold's");
  }
}
