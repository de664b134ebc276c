package lakehouse.shared.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Gold table {@code user_features} v1: one row per user with at least one event in the 7-day window
 * D-6..D ending on {@code as_of_date} D.
 */
public final class UserFeatures {
  public static final String NAME = "user_features";
  public static final String VERSION = "v1";
  public static final int WINDOW_DAYS = 7;

  public static final String AS_OF_DATE = "as_of_date";
  public static final String USER_ID = "user_id";
  public static final String IMPRESSIONS_1D = "impressions_1d";
  public static final String CLICKS_1D = "clicks_1d";
  public static final String CONVERSIONS_1D = "conversions_1d";
  public static final String IMPRESSIONS_7D = "impressions_7d";
  public static final String CLICKS_7D = "clicks_7d";
  public static final String CONVERSIONS_7D = "conversions_7d";
  public static final String SPEND_MICROS_7D = "spend_micros_7d";

  /** clicks_7d / impressions_7d; null when impressions_7d is 0. */
  public static final String CTR_7D = "ctr_7d";

  public static final String ACTIVE_DAYS_7D = "active_days_7d";
  public static final String LAST_EVENT_TIME = "last_event_time";
  public static final String FEATURE_VERSION = "feature_version";
  public static final String RUN_ID = "run_id";

  public static final StructType SCHEMA =
      new StructType()
          .add(AS_OF_DATE, DataTypes.DateType, false)
          .add(USER_ID, DataTypes.StringType, false)
          .add(IMPRESSIONS_1D, DataTypes.LongType, false)
          .add(CLICKS_1D, DataTypes.LongType, false)
          .add(CONVERSIONS_1D, DataTypes.LongType, false)
          .add(IMPRESSIONS_7D, DataTypes.LongType, false)
          .add(CLICKS_7D, DataTypes.LongType, false)
          .add(CONVERSIONS_7D, DataTypes.LongType, false)
          .add(SPEND_MICROS_7D, DataTypes.LongType, false)
          .add(CTR_7D, DataTypes.DoubleType, true)
          .add(ACTIVE_DAYS_7D, DataTypes.IntegerType, false)
          .add(LAST_EVENT_TIME, DataTypes.TimestampType, false)
          .add(FEATURE_VERSION, DataTypes.StringType, false)
          .add(RUN_ID, DataTypes.StringType, false);

  public static final String PARTITION_COLUMN = AS_OF_DATE;

  private UserFeatures() {}
}
