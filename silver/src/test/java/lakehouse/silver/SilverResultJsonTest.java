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
          2);

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
  }

  @Test
  void aMapperWithoutNamingStrategyWritesTheSameKeys() throws Exception {
    assertThat(new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(RESULT)))
        .isEqualTo(RunReportWriter.parse(RunReportWriter.toJson(RESULT)));
  }
}
