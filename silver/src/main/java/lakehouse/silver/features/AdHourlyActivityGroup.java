package lakehouse.silver.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.min;

import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.silver.UtcTime;
import lakehouse.silver.table.SchemaConformance;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ad_hourly_activity} v1: one row per (ad_id, event_hour) with an event, the hour being the
 * event time truncated to the UTC hour. An ad belongs to one campaign; should events disagree, the
 * smallest campaign id is reported, so the key stays unique and the value does not depend on row
 * order.
 */
public final class AdHourlyActivityGroup implements FeatureGroup {

  @Override
  public String name() {
    return AdHourlyActivity.NAME;
  }

  @Override
  public String version() {
    return AdHourlyActivity.VERSION;
  }

  @Override
  public StructType schema() {
    return AdHourlyActivity.SCHEMA;
  }

  @Override
  public Dataset<Row> compute(Dataset<Row> silverEvents) {
    Dataset<Row> hourly =
        silverEvents
            .withColumn(AdHourlyActivity.EVENT_HOUR, UtcTime.hour(col(SilverEvents.EVENT_TIME)))
            .groupBy(
                col(SilverEvents.AD_ID).as(AdHourlyActivity.AD_ID),
                col(AdHourlyActivity.EVENT_HOUR))
            .agg(
                min(col(SilverEvents.CAMPAIGN_ID)).as(AdHourlyActivity.CAMPAIGN_ID),
                EventCounts.impressions().as(AdHourlyActivity.IMPRESSIONS),
                EventCounts.clicks().as(AdHourlyActivity.CLICKS),
                EventCounts.conversions().as(AdHourlyActivity.CONVERSIONS),
                EventCounts.spendMicros().as(AdHourlyActivity.SPEND_MICROS),
                countDistinct(col(SilverEvents.USER_ID)).as(AdHourlyActivity.UNIQUE_USERS))
            .withColumn(
                AdHourlyActivity.EVENT_DATE, UtcTime.date(col(AdHourlyActivity.EVENT_HOUR)));
    return SchemaConformance.conform(hourly, AdHourlyActivity.SCHEMA);
  }
}
