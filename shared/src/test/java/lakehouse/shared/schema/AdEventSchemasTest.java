package lakehouse.shared.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class AdEventSchemasTest {
  private final AdEventSchemas registry = AdEventSchemas.registered();

  @Test
  void theRegisteredSchemasAreRecognisedAsTheirVersions() {
    assertEquals(1, registry.recognise(registry.version(1).schema()).orElseThrow().number());
    assertEquals(2, registry.recognise(registry.version(2).schema()).orElseThrow().number());
    assertEquals(2, registry.latest().number());
  }

  @Test
  void docsAndDefaultsDoNotChangeTheVersionButTypesDo() {
    String v1 = registry.version(1).schema().toString();
    Schema withoutDocs = new Schema.Parser().parse(v1.replaceAll(",\"doc\":\"[^\"]*\"", ""));
    assertEquals(1, registry.recognise(withoutDocs).orElseThrow().number());

    Schema costAsFloat = new Schema.Parser().parse(v1.replace("\"double\"", "\"float\""));
    assertTrue(registry.recognise(costAsFloat).isEmpty());
  }

  @Test
  void aSchemaWithAnotherNameIsUnknown() {
    Schema other = SchemaBuilder.record("AdEvent").namespace("other").fields()
        .requiredString("event_id").endRecord();
    assertTrue(registry.recognise(other).isEmpty());
  }
}
