package lakehouse.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A single-machine reference for the gold layer: DuckDB, in this JVM and without Spark, computes
 * the partitions of user_features and campaign_daily that a night's gold computed, from the same
 * silver Parquet files, and writes them as Parquet. Its time beside gold's duration_ms says what
 * gold costs over a plain query engine doing the same computation; its rows per partition and their
 * values, checked against gold's after the timed work, show it is the same computation.
 *
 * <p>Arguments: LAKE_ROOT RUN_REPORT OUT [THREADS] (a local lake; the night's {@code _runs/<run
 * id>.json}; a new folder; 2 threads by default, like {@code local[2]}). Prints {@code seconds=S}
 * (its own time) and {@code gold_seconds=S} (the report's layers.gold.duration_ms) last, for
 * scripts; exits 1 when a partition's row count or rows differ from gold's.
 */
public final class DuckDbGold {
  private DuckDbGold() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: DuckDbGold LAKE_ROOT RUN_REPORT OUT [THREADS]");
      System.exit(2);
    }
    Path lake = Path.of(args[0]);
    Path out = Path.of(args[2]);
    int threads = args.length == 4 ? Integer.parseInt(args[3]) : 2;
    if (Files.exists(out)) {
      System.err.println("error: " + out + " exists: give DuckDbGold a new folder");
      System.exit(2);
    }
    // DuckDB creates a PARTITION_BY folder but not its parents.
    Files.createDirectories(out);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDbStatements.execute(db, "SET threads = " + threads);
      GoldRunReport night = GoldRunReport.read(db, Path.of(args[1]));
      boolean same = run(db, lake, night, out, threads);
      System.exit(same ? 0 : 1);
    }
  }

  private static boolean run(Connection db, Path lake, GoldRunReport night, Path out, int threads)
      throws Exception {
    SortedMap<LocalDate, Long> goldUserFeatures = night.partitionsOf(GoldRunReport.USER_FEATURES);
    SortedMap<LocalDate, Long> goldCampaignDaily = night.partitionsOf(GoldRunReport.CAMPAIGN_DAILY);
    GoldFeatureSql sql = new GoldFeatureSql(night.runId());

    long started = System.nanoTime();
    List<Path> dailyActivity =
        DeltaActiveFiles.of(db, lake.resolve("silver/user_daily_activity/v1"));
    if (!goldUserFeatures.isEmpty() && !dailyActivity.isEmpty()) {
      DuckDbStatements.copyToParquet(
          db,
          sql.userFeatures(
              GoldFeatureSql.partitionedParquet(dailyActivity),
              new TreeSet<>(goldUserFeatures.keySet())),
          out.resolve(GoldRunReport.USER_FEATURES),
          "as_of_date");
    }
    List<Path> silverEvents = DeltaActiveFiles.of(db, lake.resolve("silver/ad_events"));
    if (!goldCampaignDaily.isEmpty() && !silverEvents.isEmpty()) {
      DuckDbStatements.copyToParquet(
          db,
          sql.campaignDaily(
              GoldFeatureSql.partitionedParquet(silverEvents),
              new TreeSet<>(goldCampaignDaily.keySet())),
          out.resolve(GoldRunReport.CAMPAIGN_DAILY),
          "event_date");
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    boolean same = new GoldReferenceCheck("duckdb-gold", db, lake, night).matches(out);
    System.out.printf(
        Locale.ROOT,
        "duckdb-gold: gold of run %s in %.3f s on %d threads (gold %.3f s); %s%n",
        night.runId(),
        seconds,
        threads,
        night.goldDurationMs() / 1000.0,
        same ? "row counts and values equal gold's" : "DIFFERENT from gold's");
    System.out.printf(Locale.ROOT, "seconds=%.3f%n", seconds);
    System.out.printf(Locale.ROOT, "gold_seconds=%.3f%n", night.goldDurationMs() / 1000.0);
    return same;
  }
}
