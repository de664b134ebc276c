package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lakehouse.shared.run.RunReportWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allowed lateness recommended from nights whose lateness the generator set: it recommends the
 * spread put in, and the run report's distribution adds up to the records silver read.
 */
class RecommendedLatenessTest {
  private static final String DAY = "2026-11-10";

  @TempDir Path lake;

  /** One night of 3,000 events, a tenth of them late by up to the given days, none too late. */
  private void night(int lateDaysMax) {
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            DAY,
            "--days",
            "1",
            "--events-per-day",
            "3000",
            "--seed",
            "7",
            "--files-per-day",
            "2",
            "--late-share",
            "0.1",
            "--too-late-share",
            "0",
            "--late-days-max",
            String.valueOf(lateDaysMax));
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
    InProcessLakehouse.Outcome run =
        InProcessLakehouse.run(
            "run", "--date", DAY, "--lake", lake.toString(), "--run-id", "night");
    assertThat(run.exitStatus()).as(run.stderr()).isZero();
  }

  private JsonNode report() throws IOException {
    return RunReportWriter.parse(Files.readString(lake.resolve("_runs/night.json")));
  }

  private JsonNode status() {
    InProcessLakehouse.Outcome status =
        InProcessLakehouse.run("status", "--json", "--lake", lake.toString());
    assertThat(status.exitStatus()).as(status.stderr()).isZero();
    return RunReportWriter.parse(status.stdout()).get("allowed_lateness");
  }

  @Test
  @DisplayName("events up to 2 days late, none later: 2 days recommended, none rejected")
  void lateEventsOfTwoDaysRecommendTwoDays() throws IOException {
    night(2);

    JsonNode silver = report().at("/layers/silver");
    JsonNode arrival = silver.get("arrival_latency");
    long records = arrival.get("records").asLong();
    List<Long> daysLate = new ArrayList<>();
    arrival.get("days_late").elements().forEachRemaining(n -> daysLate.add(n.asLong()));
    assertThat(daysLate).hasSize(32);
    assertThat(daysLate.stream().mapToLong(Long::longValue).sum())
        .as("the counts by days late add up to the records considered")
        .isEqualTo(records);
    assertThat(
            records + arrival.get("future").asLong() + arrival.get("without_event_time").asLong())
        .as("every record silver read is considered or left out as future")
        .isEqualTo(silver.get("rows_read").asLong());
    assertThat(arrival.get("future").asLong()).as("the generator's future events").isPositive();
    assertThat(arrival.at("/days_late/2").asLong()).isGreaterThan(records / 1000);
    assertThat(arrival.at("/days_late/3").asLong()).isZero();
    JsonNode seconds = arrival.get("seconds");
    assertThat(seconds.get("p50").asLong()).isBetween(0L, 86_400L);
    assertThat(seconds.get("max").asLong()).isBetween(2 * 86_400L, 3 * 86_400L);
    assertThat(report().at("/metrics/lake/lateness_recommendation/recommended_days").asInt())
        .as("the figure pushed after the run")
        .isEqualTo(2);

    JsonNode recommendation = status();
    assertThat(recommendation.get("recommended_days").asInt()).isEqualTo(2);
    assertThat(recommendation.get("configured_days").asInt()).isEqualTo(2);
    assertThat(recommendation.get("rejected_too_late").asLong()).isZero();
    assertThat(recommendation.get("nights").asInt()).isEqualTo(1);
    assertThat(recommendation.get("events").asLong()).isEqualTo(records);
  }

  @Test
  @DisplayName("events up to 4 days late: 4 days recommended, beside what 2 days rejected")
  void lateEventsOfFourDaysRecommendFourDays() throws IOException {
    night(4);

    JsonNode silver = report().at("/layers/silver");
    JsonNode arrival = silver.get("arrival_latency");
    long beyondTwoDays = arrival.at("/days_late/3").asLong() + arrival.at("/days_late/4").asLong();
    assertThat(arrival.at("/days_late/4").asLong())
        .isGreaterThan(arrival.get("records").asLong() / 1000);
    assertThat(arrival.at("/days_late/5").asLong()).isZero();
    assertThat(silver.at("/rows_quarantined/too_late").asLong())
        .as("the late events past the allowed 2 days are quarantined, and counted")
        .isEqualTo(beyondTwoDays)
        .isPositive();

    JsonNode recommendation = status();
    assertThat(recommendation.get("recommended_days").asInt()).isEqualTo(4);
    assertThat(recommendation.get("rejected_too_late").asLong()).isEqualTo(beyondTwoDays);
    InProcessLakehouse.Outcome console =
        InProcessLakehouse.run("status", "--lake", lake.toString());
    assertThat(console.stdout())
        .contains("allowed lateness: 2 days configured, " + beyondTwoDays + " events rejected")
        .contains("recommended: 4 days, to keep 99.9% of their");
  }
}
