package lakehouse.gold.features;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code user_features} v1 from {@code user_daily_activity}: for each as-of date D, one row per
 * user with at least one active day in the window D-6..D. A pure transformation: Datasets in,
 * Dataset out.
 */
public final class UserFeaturesComputation {
  private static final StructType AS_OF_DATES =
      new StructType().add(UserFeatures.AS_OF_DATE, DataTypes.DateType, false);

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
    List<Row> dateRows = dates.stream().map(d -> RowFactory.create(Date.valueOf(d))).toList();
    Dataset<Row> windowEnds =
        userDailyActivity.sparkSession().createDataFrame(dateRows, AS_OF_DATES);

    Column eventDate = col(UserDailyActivity.EVENT_DATE);
    Column asOf = col(UserFeatures.AS_OF_DATE);
    Dataset<Row> inWindows =
        userDailyActivity
            // Prunes silver partitions before the join: only dates of some window are read.
            .where(
                eventDate.between(
                    lit(Date.valueOf(dates.first().minusDays(UserFeatures.WINDOW_DAYS - 1L))),
                    lit(Date.valueOf(dates.last()))))
            .join(
                broadcast(windowEnds),
                eventDate.between(date_sub(asOf, UserFeatures.WINDOW_DAYS - 1), asOf));

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
                countDistinct(eventDate).as(UserFeatures.ACTIVE_DAYS_7D),
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
