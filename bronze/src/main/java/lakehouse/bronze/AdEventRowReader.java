package lakehouse.bronze;

import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.schema.SchemaVersion;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decodes the records of one landing file straight into bronze rows (Spark's internal rows, in the
 * columns of {@link BronzeEvents#SCHEMA}): each field of the file's registered version goes to its
 * column in the order the writer wrote it, with no record object in between and no lookup by name
 * per record. Personal data is replaced by its token here, in the task that reads the file, so raw
 * values never reach a shuffle, a file or a log. Lineage is the file's, and a record's position is
 * its index in the file.
 *
 * <p>Returns the same row object for every record: its consumer copies each row before the next
 * (Spark turns every row of a scan into its own format as it reads it).
 */
final class AdEventRowReader implements DatumReader<InternalRow> {
  /** The Avro fields that are personal data, and the column that holds each one's token. */
  private static final Map<String, String> TOKENIZED =
      Map.of("ip_address", BronzeEvents.IP_TOKEN, "device_id", BronzeEvents.DEVICE_TOKEN);

  /** The columns no field of a file fills: tokens and lineage. */
  private static final Set<String> NOT_FROM_FIELDS =
      Set.of(
          BronzeEvents.IP_TOKEN,
          BronzeEvents.DEVICE_TOKEN,
          BronzeEvents.SCHEMA_VERSION,
          BronzeEvents.SOURCE_FILE,
          BronzeEvents.SOURCE_POSITION,
          BronzeEvents.SOURCE_FINGERPRINT,
          BronzeEvents.INGEST_DATE,
          BronzeEvents.RUN_ID);

  private final SchemaVersion version;
  private final ColumnDecoder[] fields;
  private final GenericInternalRow row = new GenericInternalRow(BronzeEvents.SCHEMA.size());
  private final int positionOrdinal = BronzeEvents.SCHEMA.fieldIndex(BronzeEvents.SOURCE_POSITION);
  private long records;

  AdEventRowReader(
      SchemaVersion version,
      PiiTokenizer tokenizer,
      LandingFile file,
      LocalDate ingestDate,
      String runId) {
    this.version = version;
    this.fields = decoders(version.schema(), tokenizer);
    set(BronzeEvents.SCHEMA_VERSION, version.number());
    set(BronzeEvents.SOURCE_FILE, UTF8String.fromString(file.relativePath()));
    set(BronzeEvents.SOURCE_FINGERPRINT, UTF8String.fromString(file.fingerprint()));
    set(BronzeEvents.INGEST_DATE, DateTimeUtils.fromJavaDate(Date.valueOf(ingestDate)));
    set(BronzeEvents.RUN_ID, UTF8String.fromString(runId));
  }

  /**
   * Checks that every field of a registered version has a bronze column able to hold it, so that a
   * version bronze cannot hold fails the run before any file is read.
   */
  static void checkHoldable(SchemaVersion version, PiiTokenizer tokenizer) {
    decoders(version.schema(), tokenizer);
  }

  private static ColumnDecoder[] decoders(Schema schema, PiiTokenizer tokenizer) {
    ColumnDecoder[] decoders = new ColumnDecoder[schema.getFields().size()];
    for (Schema.Field field : schema.getFields()) {
      String tokenColumn = TOKENIZED.get(field.name());
      if (tokenColumn != null) {
        decoders[field.pos()] = decoder(field, tokenColumn, tokenizer);
      } else if (BronzeEvents.SCHEMA.getFieldIndex(field.name()).isDefined()
          && !NOT_FROM_FIELDS.contains(field.name())) {
        decoders[field.pos()] = decoder(field, field.name(), null);
      } else {
        // A field bronze has no column for (none today): read past it.
        decoders[field.pos()] = ColumnDecoder.skip(field.schema());
      }
    }
    return decoders;
  }

  private static ColumnDecoder decoder(Schema.Field field, String column, PiiTokenizer tokenizer) {
    return ColumnDecoder.of(
        field.schema(),
        BronzeEvents.SCHEMA.fieldIndex(column),
        BronzeEvents.SCHEMA.apply(column).dataType(),
        tokenizer);
  }

  private void set(String column, Object value) {
    row.update(BronzeEvents.SCHEMA.fieldIndex(column), value);
  }

  /**
   * Called with the file's writer schema: it must still be the version the file was inspected as.
   */
  @Override
  public void setSchema(Schema writer) {
    if (SchemaNormalization.parsingFingerprint64(writer) != version.fingerprint()) {
      throw new IllegalStateException(
          "its writer schema is no longer version " + version.number() + " (the file changed)");
    }
  }

  @Override
  public InternalRow read(InternalRow reuse, Decoder in) throws IOException {
    for (ColumnDecoder field : fields) {
      field.decode(in, row);
    }
    row.setLong(positionOrdinal, records++);
    return row;
  }

  /** Records decoded so far. */
  long records() {
    return records;
  }
}
