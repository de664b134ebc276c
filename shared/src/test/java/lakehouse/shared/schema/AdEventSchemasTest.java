package lakehouse.shared.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class AdEventSchemasTest {
  private final AdEventSchemas registry = AdEventSchemas.registered();

  @Test
  void theRegisteredSchemasAreRecognisedAsTheirVersions() {
    assertThat(registry.recognise(registry.version(1).schema()).orElseThrow().number())
        .isEqualTo(1);
    assertThat(registry.recognise(registry.version(2).schema()).orElseThrow().number())
        .isEqualTo(2);
    assertThat(registry.latest().number()).isEqualTo(2);
  }

  @Test
  void docsAndDefaultsDoNotChangeTheVersionButTypesDo() {
    String v1 = registry.version(1).schema().toString();
    Schema withoutDocs = new Schema.Parser().parse(v1.replaceAll(",\"doc\":\"[^\"]*\"", ""));
    assertThat(registry.recognise(withoutDocs).orElseThrow().number()).isEqualTo(1);

    Schema costAsFloat = new Schema.Parser().parse(v1.replace("\"double\"", "\"float\""));
    assertThat(registry.recognise(costAsFloat)).isEmpty();
  }

  @Test
  void aSchemaWithAnotherNameIsUnknown() {
    Schema other =
        SchemaBuilder.record("AdEvent")
            .namespace("other")
            .fields()
            .requiredString("event_id")
            .endRecord();
    assertThat(registry.recognise(other)).isEmpty();
  }
}
