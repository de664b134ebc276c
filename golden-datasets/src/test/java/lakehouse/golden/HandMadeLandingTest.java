package lakehouse.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandMadeLandingTest {
  private static final String V1_RECORD = "{\"ingest_date\":\"2026-11-20\",\"file\":\"a.avro\",\"version\":1,"
      + "\"note\":\"why\",\"event_id\":\"00000000-0000-0000-0000-000000000001\",\"event_type\":\"CLICK\","
      + "\"event_time\":\"2026-11-20T23:59:59.999Z\",\"user_id\":\"u-1\",\"ad_id\":\"ad-1\",\"campaign_id\":\"c-1\","
      + "\"cost\":0.0000025";

  @TempDir Path lake;

  @Test
  void recordsLandInTheirFileInLineOrderWithTheirFieldsAndWithoutTheNote() throws Exception {
    Path description = describe(V1_RECORD + "}", V1_RECORD.replace("000000000001", "000000000002") + "}");

    List<String> files = new HandMadeLanding(new LakeLayout(lake.toString())).deliver(description);

    assertEquals(List.of("landing/ad_events/ingest_date=2026-11-20/a.avro"), files);
    List<GenericRecord> records = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(
        lake.resolve(files.get(0)).toFile(), new GenericDatumReader<>())) {
      reader.forEach(records::add);
    }
    assertEquals(2, records.size());
    assertEquals("00000000-0000-0000-0000-000000000002", records.get(1).get("event_id").toString());
    assertEquals(Instant.parse("2026-11-20T23:59:59.999Z").toEpochMilli(), records.get(0).get("event_time"));
    assertEquals(0.0000025, records.get(0).get("cost"));
    assertEquals(null, records.get(0).get("country"));
  }

  @Test
  void aFieldTheSchemaVersionDoesNotHaveIsRefused() throws Exception {
    Path description = describe(V1_RECORD + ",\"cost_micros\":3}");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new HandMadeLanding(new LakeLayout(lake.toString())).deliver(description));

    assertTrue(refused.getMessage().contains("\"cost_micros\" is not a field of ad event schema version 1"),
        refused.getMessage());
  }

  private Path describe(String... lines) throws Exception {
    Path description = Files.createTempFile(lake, "records", ".jsonl");
    Files.write(description, List.of(lines));
    return description;
  }
}
