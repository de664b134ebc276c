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
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Writes landing files for tests: registered versions, unregistered schemas and truncated files.
 */
final class TestLanding {
  static final AdEventSchemas SCHEMAS = AdEventSchemas.registered();

  /** Avro's default block size. */
  private static final int DEFAULT_BLOCK_BYTES = 64_000;

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
    return write(ingestDate, name, records.get(0).getSchema(), records, DEFAULT_BLOCK_BYTES);
  }

  /** A file of the schema holding no record: a header alone. */
  Path writeEmpty(LocalDate ingestDate, String name, Schema schema) throws IOException {
    return write(ingestDate, name, schema, List.of(), DEFAULT_BLOCK_BYTES);
  }

  private Path write(
      LocalDate ingestDate, String name, Schema schema, List<GenericRecord> records, int blockBytes)
      throws IOException {
    Path file = folder(ingestDate).resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      writer.setCodec(CodecFactory.deflateCodec(1));
      writer.setSyncInterval(blockBytes);
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

  /**
   * A file whose ends are sound (header, trailing sync marker) but whose second data block does not
   * decompress: records of its first block decode, then it fails. Small blocks, so it has many.
   */
  Path writeCorruptInMiddleBlock(LocalDate ingestDate, String name, List<GenericRecord> records)
      throws IOException {
    Path file = write(ingestDate, name, records.get(0).getSchema(), records, 1_000);
    byte[] bytes = Files.readAllBytes(file);
    long headerEnd;
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      headerEnd = reader.previousSync();
    }
    byte[] sync = Arrays.copyOfRange(bytes, (int) headerEnd - 16, (int) headerEnd);
    int firstBlockEnd = indexOf(bytes, sync, (int) headerEnd) + sync.length;
    if (indexOf(bytes, sync, firstBlockEnd) < 0 || firstBlockEnd + sync.length >= bytes.length) {
      throw new IllegalArgumentException("too few records for three blocks");
    }
    int data = skipVarLong(bytes, skipVarLong(bytes, firstBlockEnd));
    // Raw deflate data starting with 0xFF announces block type 3, which does not exist.
    bytes[data] = (byte) 0xFF;
    Files.write(file, bytes);
    return file;
  }

  private static int indexOf(byte[] bytes, byte[] part, int from) {
    for (int i = from; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }

  private static int skipVarLong(byte[] bytes, int at) {
    int i = at;
    while ((bytes[i] & 0x80) != 0) {
      i++;
    }
    return i + 1;
  }
}
