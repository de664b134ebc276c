package lakehouse.gold.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.SilverEvents;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code campaign_daily} v1 from silver events: one row per (campaign, event date) with an event.
 * Computed from events rather than from a daily aggregate because {@code unique_users} must be an
 * exact distinct count, which per-hour or per-ad counts cannot be summed into. A pure
 * transformation.
 */
public final class CampaignDailyComputation {
  private CampaignDailyComputation() {}

  /**
   * Computes campaign_daily for the given event dates.
   *
   * @param silverEvents rows of {@link SilverEvents#SCHEMA}; only the given event dates are used
   * @return rows of {@link CampaignDaily#SCHEMA}
   */
  public static Dataset<Row> compute(
      Dataset<Row> silverEvents, Collection<LocalDate> eventDates, String runId) {
    if (eventDates.isEmpty()) {
      throw new IllegalArgumentException("no event dates to compute campaign_daily for");
    }
    Object[] dates = eventDates.stream().sorted().map(Date::valueOf).toArray();
    Column type = col(SilverEvents.EVENT_TYPE);
    Column impressions = col(CampaignDaily.IMPRESSIONS);
    Dataset<Row> daily =
        silverEvents
            .where(col(SilverEvents.EVENT_DATE).isin(dates))
            .groupBy(col(SilverEvents.CAMPAIGN_ID), col(SilverEvents.EVENT_DATE))
            .agg(
                count(when(type.equalTo(SilverEvents.IMPRESSION), 1)).as(CampaignDaily.IMPRESSIONS),
                count(when(type.equalTo(SilverEvents.CLICK), 1)).as(CampaignDaily.CLICKS),
                count(when(type.equalTo(SilverEvents.CONVERSION), 1)).as(CampaignDaily.CONVERSIONS),
                sum(coalesce(col(SilverEvents.COST_MICROS), lit(0L)))
                    .as(CampaignDaily.SPEND_MICROS),
                countDistinct(col(SilverEvents.USER_ID)).as(CampaignDaily.UNIQUE_USERS))
            .withColumn(
                CampaignDaily.CTR,
                when(
                    impressions.gt(0),
                    col(CampaignDaily.CLICKS)
                        .cast(DataTypes.DoubleType)
                        .divide(impressions.cast(DataTypes.DoubleType))))
            .withColumn(CampaignDaily.RUN_ID, lit(runId));
    return TableShape.conform(daily, CampaignDaily.SCHEMA);
  }
}
