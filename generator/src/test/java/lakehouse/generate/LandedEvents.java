package lakehouse.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lakehouse.shared.schema.AdEventSchemas;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/** Reads the generated dumps back with plain Avro, as bronze would: every record with its place. */
final class LandedEvents {
  private static final AdEventSchemas SCHEMAS = AdEventSchemas.registered();

  private LandedEvents() {}

  /** One record as it landed; cost in micros whatever the version wrote. */
  record LandedEvent(
      GeneratedFile file,
      long position,
      int version,
      String eventId,
      String eventType,
      long eventTime,
      String userId,
      String adId,
      String campaignId,
      String country,
      String device,
      String ipAddress,
      String deviceId,
      String appVersion,
      Long costMicros) {}

  /** Every record of the summary's readable dumps, by (ingest date, file path, position). */
  static List<LandedEvent> of(GenerationSummary summary) {
    List<LandedEvent> events = new ArrayList<>();
    summary.files().stream()
        .filter(file -> file.kind() == FileKind.EVENTS)
        .sorted(
            Comparator.comparing(GeneratedFile::ingestDate).thenComparing(GeneratedFile::lakePath))
        .forEach(file -> events.addAll(read(file)));
    return events;
  }

  static List<LandedEvent> read(GeneratedFile file) {
    List<LandedEvent> events = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(file.path().toFile(), new GenericDatumReader<>())) {
      int version =
          SCHEMAS
              .recognise(reader.getSchema())
              .orElseThrow(
                  () -> new AssertionError(file.lakePath() + " has an unregistered schema"))
              .number();
      long position = 0;
      for (GenericRecord record : reader) {
        events.add(
            new LandedEvent(
                file,
                position++,
                version,
                text(record, "event_id"),
                text(record, "event_type"),
                (Long) record.get("event_time"),
                text(record, "user_id"),
                text(record, "ad_id"),
                text(record, "campaign_id"),
                text(record, "country"),
                text(record, "device"),
                text(record, "ip_address"),
                version == 2 ? text(record, "device_id") : null,
                version == 2 ? text(record, "app_version") : null,
                costMicros(record, version)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  private static Long costMicros(GenericRecord record, int version) {
    if (version == 2) {
      return (Long) record.get("cost_micros");
    }
    Double cost = (Double) record.get("cost");
    return cost == null ? null : Math.round(cost * 1_000_000);
  }

  private static String text(GenericRecord record, String field) {
    Object value = record.get(field);
    return value == null ? null : value.toString();
  }
}
