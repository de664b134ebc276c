package lakehouse.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The gold features as SQL that DuckDB and Spark both run, the same definitions as the lakehouse's
 * UserFeaturesComputation and CampaignDailyComputation (contract section 3): same windows, sums,
 * null rules and column order and types, so that a reference does the work gold does and not less.
 * Sums are cast back to BIGINT because DuckDB widens them to HUGEINT. Each query reads the relation
 * it is given: DuckDB's {@link #partitionedParquet} of silver's files, or a Spark view of the
 * silver table.
 */
final class GoldFeatureSql {
  /** Days in the user_features window D-6..D. */
  private static final int WINDOW_DAYS = 7;

  private static final String FEATURE_VERSION = "v1";

  private final String runId;

  GoldFeatureSql(String runId) {
    this.runId = runId;
  }

  /** user_features for the as-of dates, from user_daily_activity. */
  String userFeatures(String userDailyActivity, SortedSet<LocalDate> asOfDates) {
    String windowEnds =
        asOfDates.stream().map(d -> "(" + SqlText.date(d) + ")").collect(Collectors.joining(", "));
    LocalDate firstDay = asOfDates.first().minusDays(WINDOW_DAYS - 1L);
    return """
        WITH window_end(as_of_date) AS (VALUES %s)
        SELECT w.as_of_date,
          a.user_id,
          CAST(SUM(CASE WHEN a.event_date = w.as_of_date THEN a.impressions ELSE 0 END) AS BIGINT) AS impressions_1d,
          CAST(SUM(CASE WHEN a.event_date = w.as_of_date THEN a.clicks ELSE 0 END) AS BIGINT) AS clicks_1d,
          CAST(SUM(CASE WHEN a.event_date = w.as_of_date THEN a.conversions ELSE 0 END) AS BIGINT) AS conversions_1d,
          CAST(SUM(a.impressions) AS BIGINT) AS impressions_7d,
          CAST(SUM(a.clicks) AS BIGINT) AS clicks_7d,
          CAST(SUM(a.conversions) AS BIGINT) AS conversions_7d,
          CAST(SUM(a.spend_micros) AS BIGINT) AS spend_micros_7d,
          CASE WHEN SUM(a.impressions) > 0 THEN CAST(SUM(a.clicks) AS DOUBLE) / CAST(SUM(a.impressions) AS DOUBLE) END AS ctr_7d,
          CAST(COUNT(DISTINCT a.event_date) AS INTEGER) AS active_days_7d,
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
            userDailyActivity,
            WINDOW_DAYS - 1,
            SqlText.date(firstDay),
            SqlText.date(asOfDates.last()));
  }

  /** campaign_daily for the event dates, from silver's events. */
  String campaignDaily(String silverEvents, SortedSet<LocalDate> eventDates) {
    String dates = eventDates.stream().map(SqlText::date).collect(Collectors.joining(", "));
    return """
        SELECT campaign_id,
          event_date,
          impressions,
          clicks,
          conversions,
          spend_micros,
          unique_users,
          CASE WHEN impressions > 0 THEN CAST(clicks AS DOUBLE) / CAST(impressions AS DOUBLE) END AS ctr,
          %s AS run_id
        FROM (
          SELECT campaign_id,
            event_date,
            CAST(COUNT(*) FILTER (WHERE event_type = 'IMPRESSION') AS BIGINT) AS impressions,
            CAST(COUNT(*) FILTER (WHERE event_type = 'CLICK') AS BIGINT) AS clicks,
            CAST(COUNT(*) FILTER (WHERE event_type = 'CONVERSION') AS BIGINT) AS conversions,
            CAST(SUM(COALESCE(cost_micros, 0)) AS BIGINT) AS spend_micros,
            CAST(COUNT(DISTINCT user_id) AS BIGINT) AS unique_users
          FROM %s
          WHERE event_date IN (%s)
          GROUP BY campaign_id, event_date)
        """
        .formatted(SqlText.string(runId), silverEvents, dates);
  }

  /**
   * DuckDB's relation of silver's Parquet files with their event_date partition column, which Delta
   * keeps in the path only.
   */
  static String partitionedParquet(List<Path> files) {
    return "read_parquet("
        + SqlText.pathList(files)
        + ", hive_partitioning = true, hive_types = {'event_date': DATE})";
  }
}
