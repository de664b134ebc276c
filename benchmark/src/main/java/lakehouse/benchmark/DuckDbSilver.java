package lakehouse.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * A single-machine reference for the silver layer: DuckDB, in this JVM and without Spark, does what
 * a night's silver did from the same bronze Parquet files: validates every record against every
 * rule, quarantines the failing ones with their reasons, deduplicates by event id against the run
 * and against silver as it was before the night, migrates v1 records, writes the new events, and
 * recomputes both feature groups over the changed event dates; everything written as Parquet. Its
 * time beside silver's duration_ms says what silver costs over a plain query engine doing the same
 * work; its counts, checked against the night's after the timed work, show it is the same work.
 *
 * <p>Arguments: LAKE_ROOT RUN_REPORT OUT [THREADS] (a local lake; the night's {@code _runs/<run
 * id>.json}; a new folder; 2 threads by default, like {@code local[2]}). Prints {@code seconds=S}
 * and {@code silver_seconds=S} last, for scripts; exits 1 when a count differs from the night's.
 */
public final class DuckDbSilver {
  private DuckDbSilver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: DuckDbSilver LAKE_ROOT RUN_REPORT OUT [THREADS]");
      System.exit(2);
    }
    Path lake = Path.of(args[0]);
    Path out = Path.of(args[2]);
    int threads = args.length == 4 ? Integer.parseInt(args[3]) : 2;
    if (Files.exists(out)) {
      System.err.println("error: " + out + " exists: give DuckDbSilver a new folder");
      System.exit(2);
    }
    Files.createDirectories(out);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDbStatements.execute(db, "SET threads = " + threads);
      DuckDbStatements.execute(db, "SET TimeZone = 'UTC'");
      SilverRunReport night = SilverRunReport.read(db, Path.of(args[1]));
      System.exit(run(db, lake, night, out, threads) ? 0 : 1);
    }
  }

  private static boolean run(Connection db, Path lake, SilverRunReport night, Path out, int threads)
      throws Exception {
    SilverSql sql = new SilverSql(night);
    String partition = "ingest_date=" + night.ingestDate() + "/";
    List<Path> bronze =
        DeltaActiveFiles.of(db, lake.resolve("bronze/ad_events")).stream()
            .filter(file -> file.toString().contains(partition))
            .toList();
    Path silverEvents = lake.resolve("silver/ad_events");

    long started = System.nanoTime();
    List<Path> silverBefore = DeltaActiveFiles.beforeRun(db, silverEvents, night.runId());
    DuckDbStatements.execute(db, "CREATE TEMP TABLE validated AS " + sql.validated(bronze));
    DuckDbStatements.copyToParquet(
        db, "SELECT * FROM validated WHERE len(reasons) > 0", out.resolve("quarantine"), null);
    DuckDbStatements.execute(
        db, "CREATE TEMP TABLE new_events AS " + sql.newEvents("validated", silverBefore));
    DuckDbStatements.copyToParquet(
        db, "SELECT * FROM new_events", out.resolve("ad_events"), "event_date");
    String changed = sql.eventsOfChangedDates("new_events", silverBefore);
    DuckDbStatements.copyToParquet(
        db, SilverSql.userDailyActivity(changed), out.resolve("user_daily_activity"), "event_date");
    DuckDbStatements.copyToParquet(
        db, SilverSql.adHourlyActivity(changed), out.resolve("ad_hourly_activity"), "event_date");
    double seconds = (System.nanoTime() - started) / 1e9;

    long read = count(db, "SELECT COUNT(*) FROM validated");
    long quarantined = count(db, "SELECT COUNT(*) FROM validated WHERE len(reasons) > 0");
    long accepted = count(db, "SELECT COUNT(*) FROM new_events");
    long valid = read - quarantined;
    // Every comparison is printed, so none short-circuits.
    boolean same = same("rows read", read, night.rowsRead());
    same &= same("rows accepted", accepted, night.rowsAccepted());
    same &= same("records quarantined", quarantined, night.recordsQuarantined());
    same &= same("duplicates dropped", valid - accepted, night.duplicatesDropped());
    for (String group : List.of("user_daily_activity", "ad_hourly_activity")) {
      SortedMap<LocalDate, Long> reference =
          PartitionRowCounts.of(db, out.resolve(group), "event_date");
      SortedMap<LocalDate, Long> silver =
          lakeRowsPerDate(db, lake.resolve("silver/" + group + "/v1"), reference);
      same &= same(group + " rows per event date", reference.toString(), silver.toString());
    }
    System.out.printf(
        Locale.ROOT,
        "duckdb-silver: silver of run %s in %.3f s on %d threads (silver %.3f s); %s%n",
        night.runId(),
        seconds,
        threads,
        night.silverDurationMs() / 1000.0,
        same ? "counts equal silver's" : "DIFFERENT from silver's");
    System.out.printf(Locale.ROOT, "seconds=%.3f%n", seconds);
    System.out.printf(Locale.ROOT, "silver_seconds=%.3f%n", night.silverDurationMs() / 1000.0);
    return same;
  }

  /** The feature group's rows in the lake, for the event dates the reference computed. */
  private static SortedMap<LocalDate, Long> lakeRowsPerDate(
      Connection db, Path table, SortedMap<LocalDate, Long> dates) throws Exception {
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
                "SELECT event_date::VARCHAR, COUNT(*) FROM "
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

  private static boolean same(String what, Object reference, Object silver) {
    boolean same = reference.equals(silver);
    System.out.printf(
        Locale.ROOT,
        "duckdb-silver %s: %s, silver %s%s%n",
        what,
        reference,
        silver,
        same ? "" : "  <- differs");
    return same;
  }

  private static long count(Connection db, String query) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
