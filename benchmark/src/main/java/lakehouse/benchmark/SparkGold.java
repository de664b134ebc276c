package lakehouse.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's own floor for the gold layer: the night's partitions of user_features and campaign_daily
 * computed by plain Spark SQL (the same queries as {@link DuckDbGold}) from the silver Delta
 * tables, and written as Parquet; no staging, checks, promotion, lineage or table log. Gold's
 * duration_ms over this job's time says what gold adds to Spark; this job's time over DuckDB's,
 * what Spark costs over a single-machine engine for the same work.
 *
 * <p>The work is done twice in one application and the second is timed: the night's gold runs in a
 * JVM that bronze and silver have warmed, and a floor is Spark at its quickest. Both times are
 * printed. Run through {@code scripts/lakehouse} with the benchmark jar, like {@link FloorJob}.
 *
 * <p>Arguments: LAKE_ROOT RUN_REPORT OUT (a local lake; the night's {@code _runs/<run id>.json}; a
 * new folder). Prints {@code seconds=S} (the timed run) and {@code gold_seconds=S} (the report's
 * layers.gold.duration_ms) last, for scripts; exits 1 when its rows differ from gold's.
 */
public final class SparkGold {
  private SparkGold() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SparkGold LAKE_ROOT RUN_REPORT OUT");
      System.exit(2);
    }
    Path lake = Path.of(args[0]);
    Path out = Path.of(args[2]);
    if (Files.exists(out)) {
      System.err.println("error: " + out + " exists: give SparkGold a new folder");
      System.exit(2);
    }
    boolean same;
    SparkSession spark = ReferenceSession.start("benchmark-spark-gold");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      // The lakehouse's session works in UTC, so dates derived from timestamps agree.
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      GoldRunReport night = GoldRunReport.read(db, Path.of(args[1]));
      double first = compute(spark, lake, night, out.resolve("first"));
      double second = compute(spark, lake, night, out.resolve("timed"));
      same = new GoldReferenceCheck("spark-gold", db, lake, night).matches(out.resolve("timed"));
      System.out.printf(
          Locale.ROOT,
          "spark-gold: gold of run %s in %.3f s, first run in the JVM %.3f s (gold %.3f s); %s%n",
          night.runId(),
          second,
          first,
          night.goldDurationMs() / 1000.0,
          same ? "row counts and values equal gold's" : "DIFFERENT from gold's");
      System.out.printf(Locale.ROOT, "seconds=%.3f%n", second);
      System.out.printf(Locale.ROOT, "gold_seconds=%.3f%n", night.goldDurationMs() / 1000.0);
    } finally {
      spark.stop();
    }
    System.exit(same ? 0 : 1);
  }

  /** Gold's computation, read to written; its seconds. */
  private static double compute(SparkSession spark, Path lake, GoldRunReport night, Path out) {
    SortedMap<LocalDate, Long> userFeatures = night.partitionsOf(GoldRunReport.USER_FEATURES);
    SortedMap<LocalDate, Long> campaignDaily = night.partitionsOf(GoldRunReport.CAMPAIGN_DAILY);
    GoldFeatureSql sql = new GoldFeatureSql(night.runId());
    long started = System.nanoTime();
    if (!userFeatures.isEmpty()) {
      view(spark, lake.resolve("silver/user_daily_activity/v1"), "user_daily_activity");
      write(
          spark.sql(sql.userFeatures("user_daily_activity", new TreeSet<>(userFeatures.keySet()))),
          "as_of_date",
          out.resolve(GoldRunReport.USER_FEATURES));
    }
    if (!campaignDaily.isEmpty()) {
      view(spark, lake.resolve("silver/ad_events"), "ad_events");
      write(
          spark.sql(sql.campaignDaily("ad_events", new TreeSet<>(campaignDaily.keySet()))),
          "event_date",
          out.resolve(GoldRunReport.CAMPAIGN_DAILY));
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** A silver Delta table as the view the queries read. */
  private static void view(SparkSession spark, Path table, String name) {
    spark.read().format("delta").load(table.toString()).createOrReplaceTempView(name);
  }

  private static void write(Dataset<Row> rows, String partitionColumn, Path out) {
    rows.write().partitionBy(partitionColumn).parquet(out.toString());
  }
}
