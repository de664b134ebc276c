package lakehouse.bronze;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import lakehouse.shared.schema.AdEventSchemas;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Writes landing files for tests: registered versions, unregistered schemas and truncated files.
 */
final class TestLanding {
  static final AdEventSchemas SCHEMAS = AdEventSchemas.registered();

  private final Path lakeRoot;

  TestLanding(Path lakeRoot) {
    this.lakeRoot = lakeRoot;
  }

  Path folder(LocalDate ingestDate) throws IOException {
    return Files.createDirectories(lakeRoot.resolve("landing/ad_events/ingest_date=" + ingestDate));
  }

  /** A v1 event; cost in currency units. */
  static GenericRecord v1(String eventId, String userId, String ip, double cost, Instant time) {
    return new GenericRecordBuilder(SCHEMAS.version(1).schema())
        .set("event_id", eventId)
        .set(
            "event_type",
            new GenericData.EnumSymbol(
                SCHEMAS.version(1).schema().getField("event_type").schema(), "IMPRESSION"))
        .set("event_time", time.toEpochMilli())
        .set("user_id", userId)
        .set("ad_id", "ad-1")
        .set("campaign_id", "camp-1")
        .set("country", "FR")
        .set("device", "ios")
        .set("ip_address", ip)
        .set("cost", cost)
        .build();
  }

  /** A v2 event; cost in micros, with a device id. */
  static GenericRecord v2(
      String eventId, String userId, String ip, String deviceId, long costMicros, Instant time) {
    return new GenericRecordBuilder(SCHEMAS.version(2).schema())
        .set("event_id", eventId)
        .set(
            "event_type",
            new GenericData.EnumSymbol(
                SCHEMAS.version(2).schema().getField("event_type").schema(), "CLICK"))
        .set("event_time", time.toEpochMilli())
        .set("user_id", userId)
        .set("ad_id", "ad-2")
        .set("campaign_id", "camp-2")
        .set("country", "DE")
        .set("device", "android")
        .set("ip_address", ip)
        .set("device_id", deviceId)
        .set("app_version", "5.1.0")
        .set("cost_micros", costMicros)
        .build();
  }

  Path write(LocalDate ingestDate, String name, List<GenericRecord> records) throws IOException {
    Schema schema = records.get(0).getSchema();
    Path file = folder(ingestDate).resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      writer.setCodec(CodecFactory.deflateCodec(1));
      writer.create(schema, out);
      for (GenericRecord record : records) {
        writer.append(record);
      }
    }
    return file;
  }

  /** A file in a schema that is not registered: v2 with one more field. */
  Path writeUnregistered(LocalDate ingestDate, String name) throws IOException {
    Schema schema =
        SchemaBuilder.record("AdEvent")
            .namespace("lakehouse.events")
            .fields()
            .requiredString("event_id")
            .requiredString("user_id")
            .requiredString("ip_address")
            .endRecord();
    GenericRecord record =
        new GenericRecordBuilder(schema)
            .set("event_id", "11111111-1111-1111-1111-111111111111")
            .set("user_id", "u-9")
            .set("ip_address", "10.9.9.9")
            .build();
    return write(ingestDate, name, List.of(record));
  }

  /** A valid file cut in the middle of its data, so its header reads but its records do not. */
  Path writeTruncated(LocalDate ingestDate, String name, List<GenericRecord> records)
      throws IOException {
    Path file = write(ingestDate, name, records);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));
    return file;
  }
}
