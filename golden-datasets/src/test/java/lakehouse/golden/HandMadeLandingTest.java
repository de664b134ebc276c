package lakehouse.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandMadeLandingTest {
  private static final String V1_RECORD =
      "{\"ingest_date\":\"2026-11-20\",\"file\":\"a.avro\",\"version\":1,"
          + "\"note\":\"why\",\"event_id\":\"00000000-0000-0000-0000-000000000001\",\"event_type\":\"CLICK\","
          + "\"event_time\":\"2026-11-20T23:59:59.999Z\",\"user_id\":\"u-1\",\"ad_id\":\"ad-1\",\"campaign_id\":\"c-1\","
          + "\"cost\":0.0000025";

  @TempDir Path lake;

  @Test
  @DisplayName("records land in their file in line order, with their fields and without the note")
  void recordsLandInLineOrderWithoutTheNote() throws Exception {
    Path description =
        describe(V1_RECORD + "}", V1_RECORD.replace("000000000001", "000000000002") + "}");

    List<String> files = new HandMadeLanding(new LakeLayout(lake.toString())).deliver(description);

    assertThat(files).containsExactly("landing/ad_events/ingest_date=2026-11-20/a.avro");
    List<GenericRecord> records = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(lake.resolve(files.get(0)).toFile(), new GenericDatumReader<>())) {
      reader.forEach(records::add);
    }
    assertThat(records).hasSize(2);
    assertThat(records.get(1).get("event_id").toString())
        .isEqualTo("00000000-0000-0000-0000-000000000002");
    assertThat(records.get(0).get("event_time"))
        .isEqualTo(Instant.parse("2026-11-20T23:59:59.999Z").toEpochMilli());
    assertThat(records.get(0).get("cost")).isEqualTo(0.0000025);
    assertThat(records.get(0).get("country")).isNull();
  }

  @Test
  void aFieldTheSchemaVersionDoesNotHaveIsRefused() throws Exception {
    Path description = describe(V1_RECORD + ",\"cost_micros\":3}");

    assertThatThrownBy(
            () -> new HandMadeLanding(new LakeLayout(lake.toString())).deliver(description))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"cost_micros\" is not a field of ad event schema version 1");
  }

  private Path describe(String... lines) throws Exception {
    Path description = Files.createTempFile(lake, "records", ".jsonl");
    Files.write(description, List.of(lines));
    return description;
  }
}
