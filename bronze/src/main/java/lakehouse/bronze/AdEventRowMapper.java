package lakehouse.bronze;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import lakehouse.shared.pii.PiiTokenizer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns one landing record into one bronze row (lakehouse.shared.tables.BronzeEvents.SCHEMA):
 * fields as they came, whatever the version, except personal data, which is replaced by its token
 * here, in the task that reads the file, so that raw values never reach a shuffle, a file or a log.
 */
public final class AdEventRowMapper implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PiiTokenizer tokenizer;

  public AdEventRowMapper(PiiTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  public Row toRow(
      GenericRecord record,
      int schemaVersion,
      LandingFile file,
      long position,
      LocalDate ingestDate,
      String runId) {
    return RowFactory.create(
        string(record, "event_id"),
        string(record, "event_type"),
        new Timestamp((Long) record.get("event_time")),
        string(record, "user_id"),
        string(record, "ad_id"),
        string(record, "campaign_id"),
        string(record, "country"),
        string(record, "device"),
        tokenizer.token(string(record, "ip_address")),
        tokenizer.token(string(record, "device_id")),
        string(record, "app_version"),
        (Double) field(record, "cost"),
        (Long) field(record, "cost_micros"),
        schemaVersion,
        file.relativePath(),
        position,
        file.fingerprint(),
        Date.valueOf(ingestDate),
        runId);
  }

  /** A field's value, or null when the record's version does not have the field. */
  private static Object field(GenericRecord record, String name) {
    Schema.Field field = record.getSchema().getField(name);
    return field == null ? null : record.get(field.pos());
  }

  private static String string(GenericRecord record, String name) {
    Object value = field(record, name);
    return value == null ? null : value.toString();
  }
}
