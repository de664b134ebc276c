package lakehouse.shared.tables;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The silver table {@code silver/ad_events}: one row per valid, unique event, in the version-2
 * shape.
 */
public final class SilverEvents {
  public static final String NAME = "ad_events";

  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String EVENT_TIME = "event_time";

  /** UTC date of {@code event_time}; the partition column. */
  public static final String EVENT_DATE = "event_date";

  public static final String USER_ID = "user_id";
  public static final String AD_ID = "ad_id";
  public static final String CAMPAIGN_ID = "campaign_id";
  public static final String COUNTRY = "country";
  public static final String DEVICE = "device";
  public static final String IP_TOKEN = "ip_token";
  public static final String DEVICE_TOKEN = "device_token";
  public static final String APP_VERSION = "app_version";
  public static final String COST_MICROS = "cost_micros";
  public static final String SCHEMA_VERSION = "schema_version";
  public static final String INGEST_DATE = "ingest_date";
  public static final String SOURCE_FILE = "source_file";
  public static final String RUN_ID = "run_id";

  public static final StructType SCHEMA =
      new StructType()
          .add(EVENT_ID, DataTypes.StringType, false)
          .add(EVENT_TYPE, DataTypes.StringType, false)
          .add(EVENT_TIME, DataTypes.TimestampType, false)
          .add(EVENT_DATE, DataTypes.DateType, false)
          .add(USER_ID, DataTypes.StringType, false)
          .add(AD_ID, DataTypes.StringType, false)
          .add(CAMPAIGN_ID, DataTypes.StringType, false)
          .add(COUNTRY, DataTypes.StringType, true)
          .add(DEVICE, DataTypes.StringType, true)
          .add(IP_TOKEN, DataTypes.StringType, true)
          .add(DEVICE_TOKEN, DataTypes.StringType, true)
          .add(APP_VERSION, DataTypes.StringType, true)
          .add(COST_MICROS, DataTypes.LongType, true)
          .add(SCHEMA_VERSION, DataTypes.IntegerType, false)
          .add(INGEST_DATE, DataTypes.DateType, false)
          .add(SOURCE_FILE, DataTypes.StringType, false)
          .add(RUN_ID, DataTypes.StringType, false);

  public static final String PARTITION_COLUMN = EVENT_DATE;

  /**
   * The columns Delta keeps per-file statistics of. Readers of silver select files by event date
   * (the partition), by time (the newest event_time, from the statistics alone) and by lineage
   * (ingest date, file, run).
   */
  public static final List<String> STATISTICS_COLUMNS =
      List.of(EVENT_TIME, INGEST_DATE, SOURCE_FILE, RUN_ID);

  /** The event types of the registered schemas, as they appear in {@code event_type}. */
  public static final String IMPRESSION = "IMPRESSION";

  public static final String CLICK = "CLICK";
  public static final String CONVERSION = "CONVERSION";

  private SilverEvents() {}
}
