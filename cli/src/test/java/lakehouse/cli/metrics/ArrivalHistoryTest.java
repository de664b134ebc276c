package lakehouse.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lakehouse.shared.run.RunReportWriter;
import org.junit.jupiter.api.Test;

class ArrivalHistoryTest {

  private static String silver(String date, long onTime, long oneDay, long tooLate) {
    return """
        {"rows_quarantined": {"too_late": %d},
         "arrival_latency": {"ingest_date": "%s", "records": %d,
                             "days_late": {"0": %d, "1": %d, "more": 0}}}"""
        .formatted(tooLate, date, onTime + oneDay, onTime, oneDay);
  }

  @Test
  void aRunHasOneNightAndABackfillOnePerDate() {
    List<NightArrival> run =
        ArrivalHistory.of(
            RunReportWriter.parse(
                "{\"command\": \"run\", \"layers\": {\"silver\": "
                    + silver("2026-11-20", 90, 10, 3)
                    + "}}"));
    List<NightArrival> backfill =
        ArrivalHistory.of(
            RunReportWriter.parse(
                "{\"command\": \"backfill\", \"layers\": {\"dates\": {"
                    + "\"2026-11-18\": {\"layers\": {\"silver\": "
                    + silver("2026-11-18", 5, 0, 0)
                    + "}}, \"2026-11-19\": {\"status\": \"skipped\"}}}}"));

    assertThat(run).hasSize(1);
    assertThat(run.get(0).ingestDate()).isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(run.get(0).records()).isEqualTo(100);
    assertThat(run.get(0).tooLate()).isEqualTo(3);
    assertThat(backfill)
        .extracting(NightArrival::ingestDate)
        .containsExactly(LocalDate.parse("2026-11-18"));
  }

  @Test
  void theNewestDatesWithEventsAreKeptAndTheReportsOfADateAddUp() {
    List<NightArrival> arrivals = new ArrayList<>();
    for (String report :
        List.of(
            silver("2026-11-17", 10, 0, 0),
            silver("2026-11-18", 10, 1, 0),
            silver("2026-11-19", 10, 2, 1),
            silver("2026-11-19", 5, 0, 0),
            silver("2026-11-20", 0, 0, 0))) {
      arrivals.addAll(
          ArrivalHistory.of(RunReportWriter.parse("{\"layers\": {\"silver\": " + report + "}}")));
    }

    List<NightArrival> newest = List.copyOf(ArrivalHistory.newest(arrivals, 2));

    assertThat(newest)
        .as("a re-run that read nothing is no night")
        .extracting(NightArrival::ingestDate)
        .containsExactly(LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-19"));
    assertThat(newest.get(1).records()).isEqualTo(17);
    assertThat(newest.get(1).tooLate()).isEqualTo(1);
  }
}
