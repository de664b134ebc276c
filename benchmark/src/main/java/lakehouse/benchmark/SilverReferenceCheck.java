package lakehouse.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a reference's silver against the night's: rows read, accepted, quarantined and duplicates
 * beside the run report's, and each feature group's rows per event date, written as Parquet under
 * {@code OUT/<group>/event_date=<date>}, beside the lake's. Done with DuckDB after the timed work,
 * so that the reference is shown to make the night's decisions.
 */
final class SilverReferenceCheck {
  private static final List<String> FEATURE_GROUPS =
      List.of("user_daily_activity", "ad_hourly_activity");

  private final String label;
  private final Connection db;
  private final Path lake;
  private final SilverRunReport night;

  /**
   * @param label the reference's name at the head of each printed line
   */
  SilverReferenceCheck(String label, Connection db, Path lake, SilverRunReport night) {
    this.label = label;
    this.db = db;
    this.lake = lake;
    this.night = night;
  }

  /** Prints each comparison; true when every count equals the night's. */
  boolean matches(long read, long accepted, long quarantined, Path out)
      throws SQLException, IOException {
    // Every comparison is printed, so none short-circuits.
    boolean same = same("rows read", read, night.rowsRead());
    same &= same("rows accepted", accepted, night.rowsAccepted());
    same &= same("records quarantined", quarantined, night.recordsQuarantined());
    same &= same("duplicates dropped", read - quarantined - accepted, night.duplicatesDropped());
    for (String group : FEATURE_GROUPS) {
      SortedMap<LocalDate, Long> reference =
          PartitionRowCounts.of(db, out.resolve(group), "event_date");
      SortedMap<LocalDate, Long> silver =
          lakeRowsPerDate(lake.resolve("silver/" + group + "/v1"), reference);
      same &= same(group + " rows per event date", reference.toString(), silver.toString());
    }
    return same;
  }

  /** The feature group's rows in the lake, for the event dates the reference computed. */
  private SortedMap<LocalDate, Long> lakeRowsPerDate(Path table, SortedMap<LocalDate, Long> dates)
      throws SQLException, IOException {
    SortedMap<LocalDate, Long> counts = new TreeMap<>();
    List<Path> files = DeltaActiveFiles.of(db, table);
    if (files.isEmpty() || dates.isEmpty()) {
      return counts;
    }
    String inDates =
        String.join(", ", new TreeSet<>(dates.keySet()).stream().map(SqlText::date).toList());
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT CAST(event_date AS VARCHAR), COUNT(*) FROM "
                    + SilverSql.parquet(files, "event_date")
                    + " WHERE event_date IN ("
                    + inDates
                    + ") GROUP BY 1")) {
      while (rows.next()) {
        counts.put(LocalDate.parse(rows.getString(1)), rows.getLong(2));
      }
    }
    return counts;
  }

  private boolean same(String what, Object reference, Object silver) {
    boolean same = reference.equals(silver);
    System.out.printf(
        Locale.ROOT,
        "%s %s: %s, silver %s%s%n",
        label,
        what,
        reference,
        silver,
        same ? "" : "  <- differs");
    return same;
  }
}
