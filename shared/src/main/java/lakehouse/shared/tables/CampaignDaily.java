package lakehouse.shared.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Gold table {@code campaign_daily} v1: one row per (campaign_id, event_date) with an event. */
public final class CampaignDaily {
  public static final String NAME = "campaign_daily";
  public static final String VERSION = "v1";

  public static final String CAMPAIGN_ID = "campaign_id";
  public static final String EVENT_DATE = "event_date";
  public static final String IMPRESSIONS = "impressions";
  public static final String CLICKS = "clicks";
  public static final String CONVERSIONS = "conversions";
  public static final String SPEND_MICROS = "spend_micros";
  public static final String UNIQUE_USERS = "unique_users";

  /** clicks / impressions of the day; null when impressions is 0. */
  public static final String CTR = "ctr";

  public static final String RUN_ID = "run_id";

  public static final StructType SCHEMA =
      new StructType()
          .add(CAMPAIGN_ID, DataTypes.StringType, false)
          .add(EVENT_DATE, DataTypes.DateType, false)
          .add(IMPRESSIONS, DataTypes.LongType, false)
          .add(CLICKS, DataTypes.LongType, false)
          .add(CONVERSIONS, DataTypes.LongType, false)
          .add(SPEND_MICROS, DataTypes.LongType, false)
          .add(UNIQUE_USERS, DataTypes.LongType, false)
          .add(CTR, DataTypes.DoubleType, true)
          .add(RUN_ID, DataTypes.StringType, false);

  public static final String PARTITION_COLUMN = EVENT_DATE;

  private CampaignDaily() {}
}
