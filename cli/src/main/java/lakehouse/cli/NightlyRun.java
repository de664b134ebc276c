package lakehouse.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import lakehouse.bronze.BronzeIngestion;
import lakehouse.bronze.BronzeResult;
import lakehouse.bronze.LandingZone;
import lakehouse.cli.metrics.GoldUpToDate;
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
 * The run for one ingest date: bronze, then silver, then gold, in the one SparkSession of the
 * command. Each layer reports its part as soon as it is done, so a failure later still leaves the
 * earlier parts in the run report.
 */
final class NightlyRun {
  private final SparkSession spark;
  private final LakehouseConfig config;
  private final PiiTokenizer tokenizer;
  private final Console console;
  private final Clock clock;
  private final RunCost cost;
  private final Consumer<GoldUpToDate> goldUpToDate;

  /**
   * @param goldUpToDate told the event dates each night's gold searched and brought up to date
   */
  NightlyRun(
      SparkSession spark,
      LakehouseConfig config,
      PiiTokenizer tokenizer,
      Console console,
      Clock clock,
      RunCost cost,
      Consumer<GoldUpToDate> goldUpToDate) {
    this.spark = spark;
    this.config = config;
    this.tokenizer = tokenizer;
    this.console = console;
    this.clock = clock;
    this.cost = cost;
    this.goldUpToDate = goldUpToDate;
  }

  /**
   * Runs the given layers for the date. Without silver, gold rebuilds the partitions of the date
   * itself (campaign_daily of D, user_features as of D) from what silver holds.
   *
   * @return whether any landing file was rejected
   */
  boolean run(
      LocalDate ingestDate, String runId, Set<Layer> layers, BiConsumer<String, Object> report) {
    // Every Delta commit of this date's run names the run, so status can tell which run wrote a
    // partition.
    spark.conf().set(DeltaCommitLog.USER_METADATA_SETTING, runId);
    boolean rejections = false;
    if (layers.contains(Layer.BRONZE)) {
      BronzeResult bronze =
          cost.measure(
              Layer.BRONZE.label(),
              () ->
                  new BronzeIngestion(
                          spark, config.lake(), AdEventSchemas.registered(), tokenizer, clock)
                      .ingest(ingestDate, runId),
              (result, io) -> landingRead(ingestDate, result).completing(io));
      cost.night(bronze.rowsRead());
      report.accept(Layer.BRONZE.label(), bronze);
      console.progress(
          String.format(
              "bronze  %s: %d files ingested, %d already ingested, %d rejected, %,d rows (%.1f s)",
              ingestDate,
              bronze.filesIngested(),
              bronze.filesSkipped(),
              bronze.filesRejected().size(),
              bronze.rowsRead(),
              seconds(bronze.durationMs())));
      for (var rejected : bronze.filesRejected()) {
        console.warn(
            "rejected "
                + rejected.file()
                + ": "
                + rejected.reason().label()
                + " ("
                + rejected.detail()
                + ")");
      }
      rejections = bronze.hasRejections();
    }
    SortedSet<LocalDate> changed = new TreeSet<>(Set.of(ingestDate));
    if (layers.contains(Layer.SILVER)) {
      SilverResult silver =
          cost.measure(
              Layer.SILVER.label(),
              () ->
                  new SilverLayer(spark, config.lake(), config.silver(), clock)
                      .process(ingestDate, runId));
      report.accept(Layer.SILVER.label(), silver.report());
      console.progress(
          String.format(
              "silver  %s: %,d rows read, %,d accepted, %,d quarantined, %,d duplicates dropped; "
                  + "event dates changed %s (%.1f s)",
              ingestDate,
              silver.rowsRead(),
              silver.rowsAccepted(),
              silver.recordsQuarantined(),
              silver.duplicatesDropped(),
              silver.changedEventDates(),
              seconds(silver.durationMs())));
      changed = new TreeSet<>(silver.changedEventDates());
    }
    if (layers.contains(Layer.GOLD)) {
      SortedSet<LocalDate> silverChanged = changed;
      report.accept(
          Layer.GOLD.label(),
          reported(
              cost.measure(Layer.GOLD.label(), () -> gold(ingestDate, silverChanged, runId)),
              ingestDate.toString()));
    }
    return rejections;
  }

  /**
   * Gold for the dates silver changed, and for the silver changes an earlier attempt committed but
   * never got into gold (it failed before promoting).
   */
  private GoldResult gold(LocalDate ingestDate, SortedSet<LocalDate> changed, String runId) {
    LocalDate searchFrom = ingestDate.minusDays(config.silver().allowedLatenessDays());
    LocalDate searchTo = ingestDate.plusDays(1);
    GoldResult built =
        new ChangedGold(gold(), console).build(ingestDate, changed, searchFrom, searchTo, runId);
    goldUpToDate.accept(new GoldUpToDate(searchFrom, searchTo));
    return built;
  }

  /** The landing files bronze took in this time, ingested or rejected, as its result names them. */
  private LandingRead landingRead(LocalDate ingestDate, BronzeResult bronze) {
    return new LandingRead(
        () ->
            new LandingZone(config.lake(), spark.sparkContext().hadoopConfiguration())
                .filesOf(ingestDate),
        bronze);
  }

  /** Rebuilds gold alone for the dates, together, from silver as it is. */
  GoldResult rebuildGold(SortedSet<LocalDate> dates, String runId) {
    spark.conf().set(DeltaCommitLog.USER_METADATA_SETTING, runId);
    String range =
        dates.first().equals(dates.last())
            ? dates.first().toString()
            : dates.first() + ".." + dates.last();
    return reported(cost.measure(Layer.GOLD.label(), () -> gold().rebuild(dates, runId)), range);
  }

  private GoldLayer gold() {
    return new GoldLayer(spark, config.lake(), config.gold(), config.retention().staging(), clock);
  }

  private GoldResult reported(GoldResult gold, String dates) {
    for (String message : gold.messages()) {
      console.warn(message);
    }
    console.progress(
        String.format(
            "gold    %s: promoted %s (%.1f s)",
            dates, gold.partitionsPromoted(), seconds(gold.durationMs())));
    return gold;
  }

  private static double seconds(long millis) {
    return millis / 1000.0;
  }
}
