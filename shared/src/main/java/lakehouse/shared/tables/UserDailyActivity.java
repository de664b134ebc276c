package lakehouse.shared.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Silver feature group {@code user_daily_activity}: one row per (user_id, event_date) with an
 * event.
 */
public final class UserDailyActivity {
  public static final String NAME = "user_daily_activity";
  public static final String VERSION = "v1";

  public static final String USER_ID = "user_id";
  public static final String EVENT_DATE = "event_date";
  public static final String IMPRESSIONS = "impressions";
  public static final String CLICKS = "clicks";
  public static final String CONVERSIONS = "conversions";

  /** Sum of cost_micros, a null cost counting as 0. */
  public static final String SPEND_MICROS = "spend_micros";

  public static final String DISTINCT_ADS = "distinct_ads";
  public static final String LAST_EVENT_TIME = "last_event_time";

  public static final StructType SCHEMA =
      new StructType()
          .add(USER_ID, DataTypes.StringType, false)
          .add(EVENT_DATE, DataTypes.DateType, false)
          .add(IMPRESSIONS, DataTypes.LongType, false)
          .add(CLICKS, DataTypes.LongType, false)
          .add(CONVERSIONS, DataTypes.LongType, false)
          .add(SPEND_MICROS, DataTypes.LongType, false)
          .add(DISTINCT_ADS, DataTypes.LongType, false)
          .add(LAST_EVENT_TIME, DataTypes.TimestampType, false);

  public static final String PARTITION_COLUMN = EVENT_DATE;

  private UserDailyActivity() {}
}
