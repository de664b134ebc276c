package lakehouse.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The gold features as DuckDB SQL, the same definitions as the lakehouse's UserFeaturesComputation
 * and CampaignDailyComputation (contract section 3): same windows, sums, null rules and column
 * order and types, so that the reference does the work gold does and not less. Sums are cast back
 * to BIGINT because DuckDB widens them to HUGEINT.
 */
final class GoldFeatureSql {
  /** Days in the user_features window D-6..D. */
  private static final int WINDOW_DAYS = 7;

  private static final String FEATURE_VERSION = "v1";

  private final String runId;

  GoldFeatureSql(String runId) {
    this.runId = runId;
  }

  /** user_features for the as-of dates, from user_daily_activity's Parquet files. */
  String userFeatures(List<Path> userDailyActivity, SortedSet<LocalDate> asOfDates) {
    String windowEnds =
        asOfDates.stream().map(d -> "(" + SqlText.date(d) + ")").collect(Collectors.joining(", "));
    LocalDate firstDay = asOfDates.first().minusDays(WINDOW_DAYS - 1L);
    return """
        WITH window_end(as_of_date) AS (VALUES %s)
        SELECT w.as_of_date,
          a.user_id,
          SUM(CASE WHEN a.event_date = w.as_of_date THEN a.impressions ELSE 0 END)::BIGINT AS impressions_1d,
          SUM(CASE WHEN a.event_date = w.as_of_date THEN a.clicks ELSE 0 END)::BIGINT AS clicks_1d,
          SUM(CASE WHEN a.event_date = w.as_of_date THEN a.conversions ELSE 0 END)::BIGINT AS conversions_1d,
          SUM(a.impressions)::BIGINT AS impressions_7d,
          SUM(a.clicks)::BIGINT AS clicks_7d,
          SUM(a.conversions)::BIGINT AS conversions_7d,
          SUM(a.spend_micros)::BIGINT AS spend_micros_7d,
          CASE WHEN SUM(a.impressions) > 0 THEN SUM(a.clicks)::DOUBLE / SUM(a.impressions)::DOUBLE END AS ctr_7d,
          COUNT(DISTINCT a.event_date)::INTEGER AS active_days_7d,
          MAX(a.last_event_time) AS last_event_time,
          %s AS feature_version,
          %s AS run_id
        FROM %s a
        JOIN window_end w ON a.event_date BETWEEN w.as_of_date - %d AND w.as_of_date
        WHERE a.event_date BETWEEN %s AND %s
        GROUP BY w.as_of_date, a.user_id
        """
        .formatted(
            windowEnds,
            SqlText.string(FEATURE_VERSION),
            SqlText.string(runId),
            partitionedParquet(userDailyActivity),
            WINDOW_DAYS - 1,
            SqlText.date(firstDay),
            SqlText.date(asOfDates.last()));
  }

  /** campaign_daily for the event dates, from silver events' Parquet files. */
  String campaignDaily(List<Path> silverEvents, SortedSet<LocalDate> eventDates) {
    String dates = eventDates.stream().map(SqlText::date).collect(Collectors.joining(", "));
    return """
        SELECT campaign_id,
          event_date,
          impressions,
          clicks,
          conversions,
          spend_micros,
          unique_users,
          CASE WHEN impressions > 0 THEN clicks::DOUBLE / impressions::DOUBLE END AS ctr,
          %s AS run_id
        FROM (
          SELECT campaign_id,
            event_date,
            COUNT(*) FILTER (WHERE event_type = 'IMPRESSION')::BIGINT AS impressions,
            COUNT(*) FILTER (WHERE event_type = 'CLICK')::BIGINT AS clicks,
            COUNT(*) FILTER (WHERE event_type = 'CONVERSION')::BIGINT AS conversions,
            SUM(COALESCE(cost_micros, 0))::BIGINT AS spend_micros,
            COUNT(DISTINCT user_id)::BIGINT AS unique_users
          FROM %s
          WHERE event_date IN (%s)
          GROUP BY campaign_id, event_date)
        """
        .formatted(SqlText.string(runId), partitionedParquet(silverEvents), dates);
  }

  /**
   * Silver's Parquet files with their event_date partition column, which Delta keeps in the path
   * only.
   */
  private static String partitionedParquet(List<Path> files) {
    return "read_parquet("
        + SqlText.pathList(files)
        + ", hive_partitioning = true, hive_types = {'event_date': DATE})";
  }
}
