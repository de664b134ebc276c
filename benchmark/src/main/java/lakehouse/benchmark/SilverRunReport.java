package lakehouse.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a night's silver layer did, from its run report {@code _runs/<run id>.json}: the ingest date
 * and the settings that bound its window, its counts (so that the reference's counts can be checked
 * against them) and silver's own duration. Read with DuckDB's JSON functions.
 */
record SilverRunReport(
    String runId,
    LocalDate ingestDate,
    int allowedLatenessDays,
    Duration clockSkewTolerance,
    long rowsRead,
    long rowsAccepted,
    long duplicatesDropped,
    long recordsQuarantined,
    long silverDurationMs) {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  static SilverRunReport read(Connection db, Path report) throws SQLException {
    String json = "(SELECT content::JSON AS j FROM read_text(" + SqlText.path(report) + "))";
    try (Statement statement = db.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT j ->> '$.run_id', j ->> '$.layers.bronze.ingest_date',"
                    + " (j ->> '$.configuration.silver.allowed-lateness-days')::INTEGER,"
                    + " j ->> '$.configuration.silver.clock-skew-tolerance',"
                    + " (j ->> '$.layers.silver.rows_read')::BIGINT,"
                    + " (j ->> '$.layers.silver.rows_accepted')::BIGINT,"
                    + " (j ->> '$.layers.silver.duplicates_dropped')::BIGINT,"
                    + " (j ->> '$.layers.silver.records_quarantined')::BIGINT,"
                    + " (j ->> '$.layers.silver.duration_ms')::BIGINT FROM "
                    + json)) {
      row.next();
      if (row.getString(2) == null || row.getString(9) == null) {
        throw new IllegalArgumentException(
            report + " has no layers.bronze or layers.silver object: the run built no silver");
      }
      return new SilverRunReport(
          row.getString(1),
          LocalDate.parse(row.getString(2)),
          row.getInt(3),
          duration(row.getString(4)),
          row.getLong(5),
          row.getLong(6),
          row.getLong(7),
          row.getLong(8),
          row.getLong(9));
    }
  }

  /** A HOCON duration as the report prints it, such as {@code 1h} or {@code 90m}. */
  private static Duration duration(String text) {
    Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("clock-skew-tolerance " + text + " is not a duration");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
