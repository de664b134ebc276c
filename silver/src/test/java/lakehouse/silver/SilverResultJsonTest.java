package lakehouse.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  private static final SilverResult RESULT = new SilverResult(10, 6, 1, 3,
      new LinkedHashMap<>(Map.of("invalid_event_id", 2L)), new TreeSet<>(List.of(LocalDate.parse("2026-11-23"),
      LocalDate.parse("2026-11-21"))), Map.of("/lake/silver/ad_events", 4L), 1234, 2);

  @Test
  void theResultRendersAsTheRunReportsSilverObject() {
    JsonNode silver = RunReportWriter.parse(RunReportWriter.toJson(RESULT));

    assertEquals(10, silver.get("rows_read").asLong());
    assertEquals(6, silver.get("rows_accepted").asLong());
    assertEquals(1, silver.get("duplicates_dropped").asLong());
    assertEquals(3, silver.get("records_quarantined").asLong());
    assertEquals(2, silver.get("rows_quarantined").get("invalid_event_id").asLong());
    assertEquals("[\"2026-11-21\",\"2026-11-23\"]", silver.get("changed_event_dates").toString());
    assertEquals(2, silver.get("rows_already_accepted").asLong());
    assertEquals(4, silver.get("table_versions").get("/lake/silver/ad_events").asLong());
  }

  @Test
  void aMapperWithoutNamingStrategyWritesTheSameKeys() throws Exception {
    assertEquals(RunReportWriter.parse(RunReportWriter.toJson(RESULT)),
        new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(RESULT)));
  }
}
