package lakehouse.shared.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The table {@code silver/quarantine}: bronze records that failed validation, with every reason
 * that applies. It holds the bronze record (tokens only, never raw personal data) and its lineage.
 */
public final class Quarantine {
  public static final String NAME = "quarantine";

  /** Names of the validation rules the record failed, in rule order. */
  public static final String REASONS = "reasons";

  /** UTC date of the record's event time, for reading the quarantine next to silver. */
  public static final String EVENT_DATE = "event_date";

  /**
   * The id of the {@code replay-quarantine} run that released the record into silver; null while it
   * stays quarantined. Not part of {@link #SCHEMA}: the first replay adds it to the table (a Delta
   * schema change that every existing lake accepts), and nightly writes, which never release, leave
   * it null.
   */
  public static final String RELEASED_BY_RUN = "released_by_run";

  public static final StructType SCHEMA = withReasons();

  public static final String PARTITION_COLUMN = BronzeEvents.INGEST_DATE;

  private static StructType withReasons() {
    StructType schema =
        new StructType()
            .add(REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false);
    for (var field : BronzeEvents.SCHEMA.fields()) {
      schema = schema.add(field);
    }
    return schema.add(EVENT_DATE, DataTypes.DateType, true);
  }

  private Quarantine() {}
}
