package lakehouse.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark's own floor for the silver layer: the night's silver done by plain Spark SQL, the same
 * queries as {@link DuckDbSilver} (every rule with every reason, dedup, migration, new events,
 * quarantine and both feature groups of the changed dates) from the same bronze Parquet files, each
 * result written as Parquet; no Delta table, ledger, lock or report. Silver's duration_ms over this
 * job's time says what silver adds to Spark; this job's time over DuckDB's, what Spark costs over a
 * single-machine engine for the same work.
 *
 * <p>The day's validated records and the new events are held in Spark's cache, as DuckDB holds them
 * in temporary tables. The work is done twice in one application and the second is timed, as in
 * {@link SparkGold}. Run through {@code scripts/lakehouse} with the benchmark jar.
 *
 * <p>Arguments: LAKE_ROOT RUN_REPORT OUT (a local lake; the night's {@code _runs/<run id>.json}; a
 * new folder). Prints {@code seconds=S} (the timed run) and {@code silver_seconds=S} (the report's
 * layers.silver.duration_ms) last, for scripts; exits 1 when its counts differ from silver's.
 */
public final class SparkSilver {
  /** The counts of one run of the work, taken after its clock stopped. */
  private record Run(double seconds, long read, long accepted, long quarantined) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SparkSilver LAKE_ROOT RUN_REPORT OUT");
      System.exit(2);
    }
    Path lake = Path.of(args[0]);
    Path out = Path.of(args[2]);
    if (Files.exists(out)) {
      System.err.println("error: " + out + " exists: give SparkSilver a new folder");
      System.exit(2);
    }
    boolean same;
    SparkSession spark = ReferenceSession.start("benchmark-spark-silver");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      // Dates of event times in UTC, as the lakehouse's session; patterns' backslashes as written.
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      spark.conf().set("spark.sql.parser.escapedStringLiterals", "true");
      SilverRunReport night = SilverRunReport.read(db, Path.of(args[1]));
      Path bronzeTable = lake.resolve("bronze/ad_events");
      Path silverTable = lake.resolve("silver/ad_events");
      List<Path> bronze =
          DeltaActiveFiles.inPartition(db, bronzeTable, "ingest_date", night.ingestDate());
      List<Path> silverBefore = DeltaActiveFiles.beforeRun(db, silverTable, night.runId());
      SparkSilver work =
          new SparkSilver(spark, new SilverSql(night, SqlDialect.SPARK), bronzeTable, silverTable);
      Run first = work.run(bronze, silverBefore, out.resolve("first"));
      Run timed = work.run(bronze, silverBefore, out.resolve("timed"));
      same =
          new SilverReferenceCheck("spark-silver", db, lake, night)
              .matches(timed.read(), timed.accepted(), timed.quarantined(), out.resolve("timed"));
      System.out.printf(
          Locale.ROOT,
          "spark-silver: silver of run %s in %.3f s, first run in the JVM %.3f s (silver %.3f s);"
              + " %s%n",
          night.runId(),
          timed.seconds(),
          first.seconds(),
          night.silverDurationMs() / 1000.0,
          same ? "counts equal silver's" : "DIFFERENT from silver's");
      System.out.printf(Locale.ROOT, "seconds=%.3f%n", timed.seconds());
      System.out.printf(Locale.ROOT, "silver_seconds=%.3f%n", night.silverDurationMs() / 1000.0);
    } finally {
      spark.stop();
    }
    System.exit(same ? 0 : 1);
  }

  private final SparkSession spark;
  private final SilverSql sql;
  private final Path bronzeTable;
  private final Path silverTable;

  private SparkSilver(SparkSession spark, SilverSql sql, Path bronzeTable, Path silverTable) {
    this.spark = spark;
    this.sql = sql;
    this.bronzeTable = bronzeTable;
    this.silverTable = silverTable;
  }

  /** Silver's work, read to written, then its counts. */
  private Run run(List<Path> bronze, List<Path> silverBefore, Path out) {
    long started = System.nanoTime();
    parquet(bronze, bronzeTable).createOrReplaceTempView("bronze");
    String before = null;
    if (!silverBefore.isEmpty()) {
      parquet(silverBefore, silverTable).createOrReplaceTempView("silver_before");
      before = "silver_before";
    }
    Dataset<Row> validated =
        spark.sql(sql.validated("bronze")).persist(StorageLevel.MEMORY_AND_DISK());
    validated.createOrReplaceTempView("validated");
    Dataset<Row> quarantined = spark.sql("SELECT * FROM validated WHERE size(reasons) > 0");
    quarantined.write().parquet(out.resolve("quarantine").toString());
    Dataset<Row> newEvents =
        spark.sql(sql.newEvents("validated", before)).persist(StorageLevel.MEMORY_AND_DISK());
    newEvents.createOrReplaceTempView("new_events");
    write(newEvents, out.resolve("ad_events"));
    String changed = sql.eventsOfChangedDates("new_events", before);
    write(spark.sql(SilverSql.userDailyActivity(changed)), out.resolve("user_daily_activity"));
    write(spark.sql(SilverSql.adHourlyActivity(changed)), out.resolve("ad_hourly_activity"));
    double seconds = (System.nanoTime() - started) / 1e9;
    Run run = new Run(seconds, validated.count(), newEvents.count(), quarantined.count());
    newEvents.unpersist();
    validated.unpersist();
    return run;
  }

  /** Delta data files as Parquet, with the partition column Delta keeps in their paths. */
  private Dataset<Row> parquet(List<Path> files, Path table) {
    return spark
        .read()
        .option("basePath", table.toString())
        .parquet(files.stream().map(Path::toString).toArray(String[]::new));
  }

  private static void write(Dataset<Row> rows, Path out) {
    rows.write().partitionBy("event_date").parquet(out.toString());
  }
}
