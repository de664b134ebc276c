package lakehouse.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import lakehouse.bronze.BronzeIngestion;
import lakehouse.bronze.BronzeResult;
import lakehouse.gold.GoldLayer;
import lakehouse.gold.GoldResult;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.delta.DeltaCommitLog;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.schema.AdEventSchemas;
import lakehouse.silver.SilverLayer;
import lakehouse.silver.SilverResult;
import org.apache.spark.sql.SparkSession;

/**
 * The run for one ingest date: bronze, then silver, then gold, in the one SparkSession of the command.
 * Each layer reports its part as soon as it is done, so a failure later still leaves the earlier parts
 * in the run report.
 */
final class NightlyRun {
  private final SparkSession spark;
  private final LakehouseConfig config;
  private final PiiTokenizer tokenizer;
  private final Console console;
  private final Clock clock;

  NightlyRun(SparkSession spark, LakehouseConfig config, PiiTokenizer tokenizer, Console console, Clock clock) {
    this.spark = spark;
    this.config = config;
    this.tokenizer = tokenizer;
    this.console = console;
    this.clock = clock;
  }

  /**
   * Runs the given layers for the date. Without silver, gold rebuilds the partitions of the date itself
   * (campaign_daily of D, user_features as of D) from what silver holds.
   *
   * @return whether any landing file was rejected
   */
  boolean run(LocalDate ingestDate, String runId, Set<Layer> layers, BiConsumer<String, Object> report) {
    // Every Delta commit of this date's run names the run, so status can tell which run wrote a partition.
    spark.conf().set(DeltaCommitLog.USER_METADATA_SETTING, runId);
    boolean rejections = false;
    if (layers.contains(Layer.BRONZE)) {
      BronzeResult bronze = new BronzeIngestion(spark, config.lake(), AdEventSchemas.registered(), tokenizer, clock)
          .ingest(ingestDate, runId);
      report.accept(Layer.BRONZE.label(), bronze);
      console.progress(String.format("bronze  %s: %d files ingested, %d already ingested, %d rejected, %,d rows (%.1f s)",
          ingestDate, bronze.filesIngested(), bronze.filesSkipped(), bronze.filesRejected().size(), bronze.rowsRead(),
          seconds(bronze.durationMs())));
      for (var rejected : bronze.filesRejected()) {
        console.warn("rejected " + rejected.file() + ": " + rejected.reason().label() + " (" + rejected.detail() + ")");
      }
      rejections = bronze.hasRejections();
    }
    SortedSet<LocalDate> changed = new TreeSet<>(Set.of(ingestDate));
    if (layers.contains(Layer.SILVER)) {
      SilverResult silver = new SilverLayer(spark, config.lake(), config.silver(), clock).process(ingestDate, runId);
      report.accept(Layer.SILVER.label(), silver.report());
      console.progress(String.format("silver  %s: %,d rows read, %,d accepted, %,d quarantined, %,d duplicates dropped; "
              + "event dates changed %s (%.1f s)", ingestDate, silver.rowsRead(), silver.rowsAccepted(),
          silver.recordsQuarantined(), silver.duplicatesDropped(), silver.changedEventDates(),
          seconds(silver.durationMs())));
      changed = silver.changedEventDates();
    }
    if (layers.contains(Layer.GOLD)) {
      GoldResult gold = new GoldLayer(spark, config.lake(), config.gold(), config.retention().staging(), clock)
          .build(ingestDate, changed, runId);
      report.accept(Layer.GOLD.label(), gold);
      for (String message : gold.messages()) {
        console.warn(message);
      }
      console.progress(String.format("gold    %s: promoted %s (%.1f s)", ingestDate, gold.partitionsPromoted(),
          seconds(gold.durationMs())));
    }
    return rejections;
  }

  private static double seconds(long millis) {
    return millis / 1000.0;
  }
}
