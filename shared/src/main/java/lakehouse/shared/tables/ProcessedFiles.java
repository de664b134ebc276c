package lakehouse.shared.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The table {@code silver/_processed_files}: the bronze files silver has processed, per ingest
 * date.
 */
public final class ProcessedFiles {
  public static final String NAME = "_processed_files";

  public static final String INGEST_DATE = BronzeEvents.INGEST_DATE;
  public static final String SOURCE_FINGERPRINT = BronzeEvents.SOURCE_FINGERPRINT;
  public static final String SOURCE_FILE = BronzeEvents.SOURCE_FILE;
  public static final String RUN_ID = BronzeEvents.RUN_ID;
  public static final String PROCESSED_AT = "processed_at";

  public static final StructType SCHEMA =
      new StructType()
          .add(INGEST_DATE, DataTypes.DateType, false)
          .add(SOURCE_FINGERPRINT, DataTypes.StringType, false)
          .add(SOURCE_FILE, DataTypes.StringType, false)
          .add(RUN_ID, DataTypes.StringType, false)
          .add(PROCESSED_AT, DataTypes.TimestampType, false);

  public static final String PARTITION_COLUMN = INGEST_DATE;

  private ProcessedFiles() {}
}
