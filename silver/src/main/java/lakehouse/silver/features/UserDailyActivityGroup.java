package lakehouse.silver.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;

import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.silver.table.SchemaConformance;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** {@code user_daily_activity} v1: one row per (user_id, event_date) with an event. */
public final class UserDailyActivityGroup implements FeatureGroup {

  @Override
  public String name() {
    return UserDailyActivity.NAME;
  }

  @Override
  public String version() {
    return UserDailyActivity.VERSION;
  }

  @Override
  public StructType schema() {
    return UserDailyActivity.SCHEMA;
  }

  @Override
  public Dataset<Row> compute(Dataset<Row> silverEvents) {
    Dataset<Row> daily =
        silverEvents
            .groupBy(
                col(SilverEvents.USER_ID).as(UserDailyActivity.USER_ID),
                col(SilverEvents.EVENT_DATE).as(UserDailyActivity.EVENT_DATE))
            .agg(
                EventCounts.impressions().as(UserDailyActivity.IMPRESSIONS),
                EventCounts.clicks().as(UserDailyActivity.CLICKS),
                EventCounts.conversions().as(UserDailyActivity.CONVERSIONS),
                EventCounts.spendMicros().as(UserDailyActivity.SPEND_MICROS),
                countDistinct(col(SilverEvents.AD_ID)).as(UserDailyActivity.DISTINCT_ADS),
                max(col(SilverEvents.EVENT_TIME)).as(UserDailyActivity.LAST_EVENT_TIME));
    return SchemaConformance.conform(daily, UserDailyActivity.SCHEMA);
  }
}
