package lakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import lakehouse.shared.run.RunReportWriter;
import org.junit.jupiter.api.Test;

class SilverResultJsonTest {
  private static final SilverResult RESULT =
      new SilverResult(
          10,
          6,
          1,
          3,
          new LinkedHashMap<>(Map.of("invalid_event_id", 2L)),
          new TreeSet<>(List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-21"))),
          Map.of("/lake/silver/ad_events", 4L),
          1234,
          2,
          new ArrivalLatency(
              "2026-11-23",
              9,
              0,
              1,
              new ArrivalLatency.LatencyPercentiles(40_000, 90_000, 170_000, 180_000, 190_000),
              daysLate()));

  private static Map<String, Long> daysLate() {
    Map<String, Long> days = ArrivalLatency.emptyDaysLate();
    days.putAll(Map.of("0", 6L, "1", 2L, "2", 1L));
    return days;
  }

  @Test
  void theResultRendersAsTheRunReportsSilverObject() {
    JsonNode silver = RunReportWriter.parse(RunReportWriter.toJson(RESULT));

    assertThat(silver.get("rows_read").asLong()).isEqualTo(10);
    assertThat(silver.get("rows_accepted").asLong()).isEqualTo(6);
    assertThat(silver.get("duplicates_dropped").asLong()).isEqualTo(1);
    assertThat(silver.get("records_quarantined").asLong()).isEqualTo(3);
    assertThat(silver.get("rows_quarantined").get("invalid_event_id").asLong()).isEqualTo(2);
    assertThat(silver.get("changed_event_dates").toString())
        .isEqualTo("[\"2026-11-21\",\"2026-11-23\"]");
    assertThat(silver.get("rows_already_accepted").asLong()).isEqualTo(2);
    assertThat(silver.get("table_versions").get("/lake/silver/ad_events").asLong()).isEqualTo(4);
    JsonNode arrival = silver.get("arrival_latency");
    assertThat(arrival.get("ingest_date").asText()).isEqualTo("2026-11-23");
    assertThat(arrival.get("records").asLong()).isEqualTo(9);
    assertThat(arrival.get("future").asLong()).isEqualTo(1);
    assertThat(arrival.get("seconds").get("p99_9").asLong()).isEqualTo(180_000);
    assertThat(arrival.get("days_late").size()).isEqualTo(ArrivalLatency.DAYS_LATE_CAP + 2);
    assertThat(arrival.get("days_late").get("1").asLong()).isEqualTo(2);
    assertThat(arrival.get("days_late").get("more").asLong()).isZero();
  }

  @Test
  void aMapperWithoutNamingStrategyWritesTheSameKeys() throws Exception {
    assertThat(new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(RESULT)))
        .isEqualTo(RunReportWriter.parse(RunReportWriter.toJson(RESULT)));
  }
}
