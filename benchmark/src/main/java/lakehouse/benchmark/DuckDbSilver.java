package lakehouse.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

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
    SilverSql sql = new SilverSql(night, SqlDialect.DUCKDB);
    List<Path> bronze =
        DeltaActiveFiles.inPartition(
            db, lake.resolve("bronze/ad_events"), "ingest_date", night.ingestDate());
    Path silverEvents = lake.resolve("silver/ad_events");

    long started = System.nanoTime();
    List<Path> silverFilesBefore = DeltaActiveFiles.beforeRun(db, silverEvents, night.runId());
    String silverBefore =
        silverFilesBefore.isEmpty() ? null : SilverSql.parquet(silverFilesBefore, "event_date");
    DuckDbStatements.execute(
        db,
        "CREATE TEMP TABLE validated AS "
            + sql.validated(SilverSql.parquet(bronze, "ingest_date")));
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

    boolean same =
        new SilverReferenceCheck("duckdb-silver", db, lake, night)
            .matches(
                count(db, "SELECT COUNT(*) FROM validated"),
                count(db, "SELECT COUNT(*) FROM new_events"),
                count(db, "SELECT COUNT(*) FROM validated WHERE len(reasons) > 0"),
                out);
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

  private static long count(Connection db, String query) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
