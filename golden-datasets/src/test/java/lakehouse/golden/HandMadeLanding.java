package lakehouse.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.schema.AdEventSchemas;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Delivers hand-made landing files, as a producer would, from a reviewable JSON-lines description:
 * one line per record, in file order, each naming its landing file ({@code ingest_date}, {@code
 * file}), its registered schema {@code version} (1 or 2) and its fields by their Avro names ({@code
 * event_time} as an ISO-8601 UTC instant). A {@code note} says why the record is there and is not
 * written. Keys that are neither are refused, so a misspelt field cannot silently become null.
 */
public final class HandMadeLanding {
  private static final Set<String> PLACEMENT = Set.of("ingest_date", "file", "version", "note");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdEventSchemas schemas = AdEventSchemas.registered();
  private final LakeLayout lake;

  public HandMadeLanding(LakeLayout lake) {
    this.lake = lake;
  }

  /** Writes every file the description names; returns the files written, lake-relative. */
  public List<String> deliver(Path description) throws IOException {
    Map<String, List<GenericRecord>> files = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(description)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode record = JSON.readTree(line);
      String where = description.getFileName() + ":" + lineNumber;
      String file =
          "landing/ad_events/ingest_date="
              + required(record, "ingest_date", where)
              + "/"
              + required(record, "file", where);
      files.computeIfAbsent(file, ignored -> new ArrayList<>()).add(toAvro(record, where));
    }
    for (Map.Entry<String, List<GenericRecord>> file : files.entrySet()) {
      write(Path.of(lake.resolve(file.getKey())), file.getValue());
    }
    return List.copyOf(files.keySet());
  }

  private GenericRecord toAvro(JsonNode line, String where) {
    Schema schema = schemas.version(Integer.parseInt(required(line, "version", where))).schema();
    GenericData.Record record = new GenericData.Record(schema);
    for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PLACEMENT.contains(name) && schema.getField(name) == null) {
        throw new IllegalArgumentException(
            where
                + ": \""
                + name
                + "\" is not a field of ad event schema version "
                + line.get("version").asText());
      }
    }
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = line.get(field.name());
      record.put(field.name(), value == null || value.isNull() ? null : avroValue(field, value));
    }
    if (!GenericData.get().validate(schema, record)) {
      throw new IllegalArgumentException(
          where
              + ": not a valid version "
              + line.get("version").asText()
              + " record (a required field is missing?): "
              + line);
    }
    return record;
  }

  private static Object avroValue(Schema.Field field, JsonNode value) {
    Schema type = nonNull(field.schema());
    if ("timestamp-millis".equals(type.getProp("logicalType"))
        || (type.getLogicalType() != null
            && type.getLogicalType().getName().equals("timestamp-millis"))) {
      return Instant.parse(value.asText()).toEpochMilli();
    }
    return switch (type.getType()) {
      case ENUM -> new GenericData.EnumSymbol(type, value.asText());
      case LONG -> value.asLong();
      case DOUBLE -> value.asDouble();
      default -> value.asText();
    };
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }

  private static String required(JsonNode line, String key, String where) {
    JsonNode value = line.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + ": \"" + key + "\" is required");
    }
    return value.asText();
  }

  private static void write(Path file, List<GenericRecord> records) throws IOException {
    Schema schema = records.get(0).getSchema();
    for (GenericRecord record : records) {
      if (!record.getSchema().equals(schema)) {
        throw new IllegalArgumentException(file + ": one landing file holds one schema version");
      }
    }
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      writer.setCodec(CodecFactory.deflateCodec(1));
      writer.create(schema, out);
      for (GenericRecord record : records) {
        writer.append(record);
      }
    }
  }
}
