package lakehouse.shared.tables;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The bronze table {@code bronze/ad_events}: every record of every accepted landing file as it came
 * (the union of all registered schema versions' fields), personal data replaced by tokens, plus
 * lineage.
 */
public final class BronzeEvents {
  public static final String NAME = "ad_events";

  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String EVENT_TIME = "event_time";
  public static final String USER_ID = "user_id";
  public static final String AD_ID = "ad_id";
  public static final String CAMPAIGN_ID = "campaign_id";
  public static final String COUNTRY = "country";
  public static final String DEVICE = "device";

  /** HMAC token of the record's {@code ip_address}; the raw value never reaches the lake. */
  public static final String IP_TOKEN = "ip_token";

  /** HMAC token of the record's {@code device_id} (v2 only). */
  public static final String DEVICE_TOKEN = "device_token";

  public static final String APP_VERSION = "app_version";

  /** v1 price in currency units, kept as it came. */
  public static final String COST = "cost";

  /** v2 price in micros, kept as it came. */
  public static final String COST_MICROS = "cost_micros";

  public static final String SCHEMA_VERSION = "schema_version";

  /** Path of the landing file relative to the lake root. */
  public static final String SOURCE_FILE = "source_file";

  /** Zero-based index of the record in its landing file. */
  public static final String SOURCE_POSITION = "source_position";

  /**
   * Identity of the landing file's content (path, length, modification time); the ingest ledger
   * key.
   */
  public static final String SOURCE_FINGERPRINT = "source_fingerprint";

  public static final String INGEST_DATE = "ingest_date";
  public static final String RUN_ID = "run_id";

  public static final StructType SCHEMA =
      new StructType()
          .add(EVENT_ID, DataTypes.StringType, false)
          .add(EVENT_TYPE, DataTypes.StringType, false)
          .add(EVENT_TIME, DataTypes.TimestampType, false)
          .add(USER_ID, DataTypes.StringType, false)
          .add(AD_ID, DataTypes.StringType, false)
          .add(CAMPAIGN_ID, DataTypes.StringType, false)
          .add(COUNTRY, DataTypes.StringType, true)
          .add(DEVICE, DataTypes.StringType, true)
          .add(IP_TOKEN, DataTypes.StringType, true)
          .add(DEVICE_TOKEN, DataTypes.StringType, true)
          .add(APP_VERSION, DataTypes.StringType, true)
          .add(COST, DataTypes.DoubleType, true)
          .add(COST_MICROS, DataTypes.LongType, true)
          .add(SCHEMA_VERSION, DataTypes.IntegerType, false)
          .add(SOURCE_FILE, DataTypes.StringType, false)
          .add(SOURCE_POSITION, DataTypes.LongType, false)
          .add(SOURCE_FINGERPRINT, DataTypes.StringType, false)
          .add(INGEST_DATE, DataTypes.DateType, false)
          .add(RUN_ID, DataTypes.StringType, false);

  public static final String PARTITION_COLUMN = INGEST_DATE;

  /**
   * The columns Delta keeps per-file statistics of. Readers of bronze select files by ingest date
   * (the partition), by lineage (fingerprint, file, run) and by time.
   */
  public static final List<String> STATISTICS_COLUMNS =
      List.of(EVENT_TIME, SCHEMA_VERSION, SOURCE_FILE, SOURCE_FINGERPRINT, RUN_ID);

  private BronzeEvents() {}
}
