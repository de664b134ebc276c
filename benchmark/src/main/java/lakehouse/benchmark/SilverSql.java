package lakehouse.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Silver's rules as SQL for DuckDB or Spark ({@link SqlDialect}), the same definitions as the
 * lakehouse's ValidationRules, EventDeduplication, V1ToV2Migration and feature groups (contract
 * section 3), so that the reference does the work silver does and not less: every reason of a
 * record listed, the first copy of an event by (ingest date, source file, position) kept unless
 * silver already holds the event within the run's accepted dates, v1 cost turned into micros
 * rounded half away from zero, and both feature groups over whole event-date partitions.
 */
final class SilverSql {
  /** 8-4-4-4-12 hex digits of either case; RE2 full match. */
  private static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  /** Java's Unicode white space ((?U)\s): RE2's \s lacks \v, U+0085 and the Z categories. */
  private static final String BLANK = "[\\t\\n\\x{0B}\\f\\r\\x{85}\\p{Z}]*";

  static final String SILVER_COLUMNS =
      "event_id, event_type, event_time, event_date, user_id, ad_id, campaign_id, country, device,"
          + " ip_token, device_token, app_version, cost_micros, schema_version, ingest_date,"
          + " source_file, run_id";

  private final SilverRunReport night;
  private final SqlDialect dialect;

  SilverSql(SilverRunReport night, SqlDialect dialect) {
    this.night = night;
    this.dialect = dialect;
  }

  /**
   * The day's bronze records (a relation: DuckDB's {@link #parquet} of the files, or a Spark view)
   * with the list of reasons each fails (empty when valid).
   */
  String validated(String bronze) {
    LocalDate earliest = night.ingestDate().minusDays(night.allowedLatenessDays());
    String futureBoundary =
        night
            .ingestDate()
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .plus(night.clockSkewTolerance())
            .toString()
            .replace("T", " ")
            .replace("Z", "");
    String reasons =
        String.join(
            ",\n",
            "CASE WHEN event_id IS NULL OR NOT "
                + dialect.fullMatch("event_id", SqlText.string(UUID))
                + " THEN 'invalid_event_id' END",
            "CASE WHEN user_id IS NULL OR "
                + dialect.fullMatch("user_id", SqlText.string(BLANK))
                + " THEN 'missing_user_id' END",
            "CASE WHEN ad_id IS NULL OR "
                + dialect.fullMatch("ad_id", SqlText.string(BLANK))
                + " THEN 'missing_ad_id' END",
            "CASE WHEN campaign_id IS NULL OR "
                + dialect.fullMatch("campaign_id", SqlText.string(BLANK))
                + " THEN 'missing_campaign_id' END",
            "CASE WHEN cost < 0 OR cost_micros < 0 THEN 'negative_cost' END",
            "CASE WHEN country IS NOT NULL AND NOT "
                + dialect.fullMatch("country", "'[A-Z]{2}'")
                + " THEN 'invalid_country' END",
            "CASE WHEN event_time >= TIMESTAMP '"
                + futureBoundary
                + "' THEN 'future_event_time' END",
            "CASE WHEN CAST(event_time AS DATE) < "
                + SqlText.date(earliest)
                + " THEN 'too_late' END");
    return "SELECT b.*, " + dialect.nonNullList(reasons) + " AS reasons FROM " + bronze + " b";
  }

  /**
   * The new events of the night in silver's shape: the first valid copy of each event id, unless
   * silver held the event already among the dates the night accepts.
   *
   * @param silverBefore silver's events before the night (a relation), or null when it held none
   */
  String newEvents(String validatedTable, String silverBefore) {
    LocalDate earliest = night.ingestDate().minusDays(night.allowedLatenessDays());
    LocalDate latest = night.ingestDate().plusDays(1);
    // NOT EXISTS rather than NOT IN: a valid event id is never null, and Spark plans NOT IN over a
    // table too large to broadcast as a nested loop.
    String notInSilver =
        silverBefore == null
            ? ""
            : """
              AND NOT EXISTS (SELECT 1 FROM %s s
                WHERE s.event_id = v.event_id AND s.event_date BETWEEN %s AND %s)
              """
                .formatted(silverBefore, SqlText.date(earliest), SqlText.date(latest));
    return """
        SELECT event_id, event_type, event_time, CAST(event_time AS DATE) AS event_date, user_id,
          ad_id, campaign_id, country, device, ip_token,
          CASE WHEN schema_version = 1 THEN NULL ELSE device_token END AS device_token,
          CASE WHEN schema_version = 1 THEN NULL ELSE app_version END AS app_version,
          CASE WHEN schema_version = 1
            THEN CAST(ROUND(CAST(CAST(cost AS STRING) AS DECIMAL(38, 12)) * 1000000) AS BIGINT)
            ELSE cost_micros END AS cost_micros,
          schema_version, ingest_date, source_file, %s AS run_id
        FROM (
          SELECT *, row_number() OVER (
              PARTITION BY event_id ORDER BY ingest_date, source_file, source_position) AS copy
          FROM %s
          WHERE %s = 0) v
        WHERE copy = 1 %s
        """
        .formatted(
            SqlText.string(night.runId()), validatedTable, dialect.length("reasons"), notInSilver);
  }

  /**
   * Whole event-date partitions of the dates the night changed: silver's earlier rows of those
   * dates and the night's new events.
   *
   * @param silverBefore silver's events before the night (a relation), or null when it held none
   */
  String eventsOfChangedDates(String newEventsTable, String silverBefore) {
    String earlier =
        silverBefore == null
            ? ""
            : """
              UNION ALL SELECT %s FROM %s
              WHERE event_date IN (SELECT DISTINCT event_date FROM %s)
              """
                .formatted(SILVER_COLUMNS, silverBefore, newEventsTable);
    return "SELECT " + SILVER_COLUMNS + " FROM " + newEventsTable + " " + earlier;
  }

  /** user_daily_activity v1 of the events. */
  static String userDailyActivity(String events) {
    return """
        SELECT user_id, event_date,
          CAST(COUNT(*) FILTER (WHERE event_type = 'IMPRESSION') AS BIGINT) AS impressions,
          CAST(COUNT(*) FILTER (WHERE event_type = 'CLICK') AS BIGINT) AS clicks,
          CAST(COUNT(*) FILTER (WHERE event_type = 'CONVERSION') AS BIGINT) AS conversions,
          CAST(COALESCE(SUM(cost_micros), 0) AS BIGINT) AS spend_micros,
          CAST(COUNT(DISTINCT ad_id) AS BIGINT) AS distinct_ads,
          MAX(event_time) AS last_event_time
        FROM (%s) e GROUP BY user_id, event_date
        """
        .formatted(events);
  }

  /** ad_hourly_activity v1 of the events. */
  static String adHourlyActivity(String events) {
    return """
        SELECT ad_id, date_trunc('hour', event_time) AS event_hour, MIN(campaign_id) AS campaign_id,
          CAST(COUNT(*) FILTER (WHERE event_type = 'IMPRESSION') AS BIGINT) AS impressions,
          CAST(COUNT(*) FILTER (WHERE event_type = 'CLICK') AS BIGINT) AS clicks,
          CAST(COUNT(*) FILTER (WHERE event_type = 'CONVERSION') AS BIGINT) AS conversions,
          CAST(COALESCE(SUM(cost_micros), 0) AS BIGINT) AS spend_micros,
          CAST(COUNT(DISTINCT user_id) AS BIGINT) AS unique_users,
          CAST(date_trunc('hour', event_time) AS DATE) AS event_date
        FROM (%s) e GROUP BY ad_id, date_trunc('hour', event_time)
        """
        .formatted(events);
  }

  /** Delta data files with their partition column, which Delta keeps in the path only. */
  static String parquet(List<Path> files, String partitionColumn) {
    return "read_parquet("
        + SqlText.pathList(files)
        + ", hive_partitioning = true, hive_types = {'"
        + partitionColumn
        + "': DATE})";
  }
}
