package lakehouse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.cli.metrics.LatenessRecommendation;
import lakehouse.shared.run.RunReportWriter;
import org.junit.jupiter.api.Test;

/**
 * The report page's figures come from the run reports as they are written: a run's date, each date
 * of a backfill, the latest processing of a date winning, and charts whose values are the reports'.
 */
class ReportChartsTest {
  private static final String SILVER_2 =
      """
      "silver": {"rows_read": 1000, "rows_accepted": 900, "duplicates_dropped": 40,
        "rows_quarantined": {"too_late": 50, "invalid_country": 10}, "duration_ms": 4000,
        "arrival_latency": {"ingest_date": "%s", "records": 1000,
          "seconds": {"p50": 36000, "p90": 72000, "p99": 180000, "p99_9": 250000, "max": 400000},
          "days_late": {"0": 700, "1": 200, "2": 50, "3": 50, "4": 0, "5": 0, "more": 0}}}
      """;

  private static JsonNode backfill() {
    return RunReportWriter.parse(
        """
        {"run_id": "b", "command": "backfill", "status": "succeeded_with_rejections",
         "ended_at": "2026-11-03T05:00:00Z",
         "layers": {"dates": {
           "2026-11-01": {"status": "succeeded", "run_id": "b-1", "layers": {
             "bronze": {"rows_read": 1000, "files_rejected": [], "duration_ms": 2000},
             %s,
             "gold": {"rows_per_partition": {"user_features": {"2026-11-01": 300},
               "campaign_daily": {"2026-11-01": 20}}, "duration_ms": 1000}}},
           "2026-11-02": {"status": "skipped"}}},
         "metrics": {"lake": {"freshness_seconds": 7200}}}
        """
            .formatted(SILVER_2.formatted("2026-11-01")));
  }

  private static JsonNode run(String date, String endedAt, String runId) {
    return RunReportWriter.parse(
        """
        {"run_id": "%s", "command": "run", "arguments": ["--date", "%s"], "status": "failed",
         "ended_at": "%s",
         "layers": {
           "bronze": {"rows_read": 500, "files_rejected": [{"file": "x", "reason": "corrupt_file"}],
             "duration_ms": 500},
           %s},
         "metrics": {"lake": {"freshness_seconds": 3600}}}
        """
            .formatted(runId, date, endedAt, SILVER_2.formatted(date)));
  }

  @Test
  void eachDateOfABackfillIsANightAndSkippedDatesAreNot() {
    List<NightFigures> nights = NightFiguresReader.nights(backfill());

    assertThat(nights)
        .singleElement()
        .satisfies(
            night -> {
              assertThat(night.night()).isEqualTo(LocalDate.parse("2026-11-01"));
              assertThat(night.runId()).isEqualTo("b-1");
              assertThat(night.layerMillis())
                  .containsExactly(
                      Map.entry("bronze", 2000L),
                      Map.entry("silver", 4000L),
                      Map.entry("gold", 1000L));
              assertThat(night.recordsPerSecond("bronze")).isEqualTo(500.0);
              assertThat(night.recordsPerSecond("gold"))
                  .as("rows promoted per second")
                  .isEqualTo(320.0);
              assertThat(night.freshnessSeconds()).as("the backfill's last date").isEqualTo(7200L);
              assertThat(night.latencySeconds()).containsEntry("p99_9", 250000L);
            });
  }

  @Test
  void aDateProcessedAgainShowsItsLatestProcessing() {
    List<JsonNode> reports =
        List.of(
            run("2026-11-01", "2026-11-04T03:00:00Z", "retry"),
            backfill(),
            run("2026-11-03", "2026-11-04T04:00:00Z", "night-3"));

    List<NightFigures> nights = NightHistory.of(reports, null, null);

    assertThat(nights)
        .extracting(n -> n.night().toString() + " " + n.runId())
        .containsExactly("2026-11-01 retry", "2026-11-03 night-3");
    assertThat(NightHistory.of(reports, LocalDate.parse("2026-11-02"), null))
        .extracting(NightFigures::runId)
        .containsExactly("night-3");
  }

  @Test
  void theChartsHoldTheReportsValues() {
    List<NightFigures> nights =
        NightHistory.of(
            List.of(backfill(), run("2026-11-02", "2026-11-04T03:00:00Z", "n2")), null, null);
    LatenessRecommendation lateness =
        new LatenessRecommendation(
            2, 3, false, 0.999, 2, "2026-11-01", "2026-11-02", 2000, 0.95, 100);
    Map<String, Map<String, Long>> files = new LinkedHashMap<>();
    files.put("user_features", Map.of("2026-11-01", 1L, "2026-11-02", 2L));
    files.put("campaign_daily", Map.of("2026-11-02", 1L));

    Map<String, ObjectNode> charts = new LinkedHashMap<>();
    new ReportCharts(nights).all(lateness, files).forEach(c -> charts.put(c.id(), c.option()));

    assertThat(charts.keySet())
        .containsExactly(
            "durations",
            "throughput",
            "quarantine",
            "duplicates",
            "latency",
            "days-late",
            "freshness",
            "gold-files");
    assertThat(values(charts.get("durations"), "silver")).containsExactly("4.0", "4.0");
    assertThat(values(charts.get("durations"), "gold"))
        .as("a night without gold draws none")
        .containsExactly("1.0", "0.0");
    assertThat(values(charts.get("quarantine"), "too_late")).containsExactly("5.0", "5.0");
    assertThat(values(charts.get("duplicates"), "landing files rejected"))
        .containsExactly("0.0", "1.0");
    assertThat(values(charts.get("latency"), "p99.9")).containsExactly("69.444", "69.444");
    assertThat(values(charts.get("days-late"), "records"))
        .as("shares of both nights' records, up to the recommendation and one more")
        .containsExactly("70.0", "20.0", "5.0", "5.0", "0.0");
    assertThat(charts.get("days-late").at("/series/0/markLine/data").findValuesAsText("xAxis"))
        .containsExactly("2", "3");
    assertThat(values(charts.get("gold-files"), "campaign_daily")).containsExactly("0", "1");
  }

  @Test
  void thePageInlinesTheChartingLibraryAndEscapesTheFigures() {
    String page =
        ReportPage.render(
            "nights of </script>",
            List.of("a & b"),
            new ReportCharts(List.of())
                .all(
                    new LatenessRecommendation(2, null, false, 0.999, 0, null, null, 0, null, 0),
                    Map.of()));

    assertThat(page)
        .contains("nights of &lt;/script&gt;")
        .contains("<li>a &amp; b</li>")
        .contains("echarts")
        .doesNotContain("{{");
    assertThat(page.indexOf("</script>"))
        .as("the charts' JSON closes no script early")
        .isGreaterThan(page.indexOf("id=\"charts\">"));
  }

  private static List<String> values(ObjectNode option, String series) {
    List<String> values = new ArrayList<>();
    for (JsonNode s : option.get("series")) {
      if (s.get("name").asText().equals(series)) {
        s.get("data").forEach(v -> values.add(v.asText()));
      }
    }
    return values;
  }
}
