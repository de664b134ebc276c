package lakehouse.shared.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Silver feature group {@code ad_hourly_activity}: one row per (ad_id, event_hour) with an event.
 */
public final class AdHourlyActivity {
  public static final String NAME = "ad_hourly_activity";
  public static final String VERSION = "v1";

  public static final String AD_ID = "ad_id";
  public static final String EVENT_HOUR = "event_hour";
  public static final String CAMPAIGN_ID = "campaign_id";
  public static final String EVENT_DATE = "event_date";
  public static final String IMPRESSIONS = "impressions";
  public static final String CLICKS = "clicks";
  public static final String CONVERSIONS = "conversions";
  public static final String SPEND_MICROS = "spend_micros";

  /** Exact count of distinct users. */
  public static final String UNIQUE_USERS = "unique_users";

  public static final StructType SCHEMA =
      new StructType()
          .add(AD_ID, DataTypes.StringType, false)
          .add(EVENT_HOUR, DataTypes.TimestampType, false)
          .add(CAMPAIGN_ID, DataTypes.StringType, false)
          .add(EVENT_DATE, DataTypes.DateType, false)
          .add(IMPRESSIONS, DataTypes.LongType, false)
          .add(CLICKS, DataTypes.LongType, false)
          .add(CONVERSIONS, DataTypes.LongType, false)
          .add(SPEND_MICROS, DataTypes.LongType, false)
          .add(UNIQUE_USERS, DataTypes.LongType, false);

  public static final String PARTITION_COLUMN = EVENT_DATE;

  private AdHourlyActivity() {}
}
