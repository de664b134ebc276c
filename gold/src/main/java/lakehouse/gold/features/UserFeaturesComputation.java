package lakehouse.gold.features;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code user_features} v1 from {@code user_daily_activity}: for each as-of date D, one row per
 * user with at least one active day in the window D-6..D. A pure transformation: Datasets in,
 * Dataset out.
 */
public final class UserFeaturesComputation {
  private UserFeaturesComputation() {}

  /**
   * Computes user_features as of each of the given dates.
   *
   * @param userDailyActivity rows of {@link UserDailyActivity#SCHEMA}; dates outside every window
   *     are ignored
   * @return rows of {@link UserFeatures#SCHEMA}, partition column included
   */
  public static Dataset<Row> compute(
      Dataset<Row> userDailyActivity,
      Collection<LocalDate> asOfDates,
      String featureVersion,
      String runId) {
    TreeSet<LocalDate> dates = new TreeSet<>(asOfDates);
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("no as-of dates to compute user_features for");
    }
    Column eventDate = col(UserDailyActivity.EVENT_DATE);
    Column asOf = col(UserFeatures.AS_OF_DATE);
    Column[] windowEnds = dates.stream().map(d -> lit(Date.valueOf(d))).toArray(Column[]::new);
    // Each activity row goes to the as-of dates being built whose window holds its date: the same
    // rows as joining the as-of dates on the window, without a join (whose small side Spark would
    // broadcast in a job of its own).
    Dataset<Row> inWindows =
        userDailyActivity
            // Prunes silver partitions: only dates of some window are read.
            .where(
                eventDate.between(
                    lit(Date.valueOf(dates.first().minusDays(UserFeatures.WINDOW_DAYS - 1L))),
                    lit(Date.valueOf(dates.last()))))
            .withColumn(
                UserFeatures.AS_OF_DATE,
                explode(
                    filter(
                        array(windowEnds),
                        end ->
                            eventDate.between(date_sub(end, UserFeatures.WINDOW_DAYS - 1), end))));

    Column onAsOfDate = eventDate.equalTo(asOf);
    Column impressions7d = col(UserFeatures.IMPRESSIONS_7D);
    Dataset<Row> features =
        inWindows
            .groupBy(asOf, col(UserDailyActivity.USER_ID))
            .agg(
                sum(when(onAsOfDate, col(UserDailyActivity.IMPRESSIONS)).otherwise(0L))
                    .as(UserFeatures.IMPRESSIONS_1D),
                sum(when(onAsOfDate, col(UserDailyActivity.CLICKS)).otherwise(0L))
                    .as(UserFeatures.CLICKS_1D),
                sum(when(onAsOfDate, col(UserDailyActivity.CONVERSIONS)).otherwise(0L))
                    .as(UserFeatures.CONVERSIONS_1D),
                sum(UserDailyActivity.IMPRESSIONS).as(UserFeatures.IMPRESSIONS_7D),
                sum(UserDailyActivity.CLICKS).as(UserFeatures.CLICKS_7D),
                sum(UserDailyActivity.CONVERSIONS).as(UserFeatures.CONVERSIONS_7D),
                sum(UserDailyActivity.SPEND_MICROS).as(UserFeatures.SPEND_MICROS_7D),
                // The window's days with activity as bits (bit i: i days before the as-of date):
                // their union counts each day once, exactly as a distinct count of dates would,
                // within the same hash aggregation as the sums (Spark plans a distinct count as
                // a second aggregation with a shuffle of its own).
                bit_count(bit_or(call_function("shiftleft", lit(1), datediff(asOf, eventDate))))
                    .as(UserFeatures.ACTIVE_DAYS_7D),
                max(UserDailyActivity.LAST_EVENT_TIME).as(UserFeatures.LAST_EVENT_TIME))
            .withColumn(
                UserFeatures.CTR_7D,
                when(
                    impressions7d.gt(0),
                    col(UserFeatures.CLICKS_7D)
                        .cast(DataTypes.DoubleType)
                        .divide(impressions7d.cast(DataTypes.DoubleType))))
            .withColumn(UserFeatures.FEATURE_VERSION, lit(featureVersion))
            .withColumn(UserFeatures.RUN_ID, lit(runId));
    return TableShape.conform(features, UserFeatures.SCHEMA);
  }
}
