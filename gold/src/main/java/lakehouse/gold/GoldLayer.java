package lakehouse.gold;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import lakehouse.gold.features.CampaignDailyComputation;
import lakehouse.gold.features.UserFeaturesComputation;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageInterest;
import lakehouse.gold.plan.GoldPlan;
import lakehouse.gold.plan.GoldPlanner;
import lakehouse.gold.plan.SilverChangesNotInGold;
import lakehouse.gold.promotion.PartitionOutcome;
import lakehouse.gold.promotion.PartitionPromotion;
import lakehouse.gold.promotion.PromotionOutcome;
import lakehouse.gold.promotion.PromotionResult;
import lakehouse.gold.promotion.RunStart;
import lakehouse.gold.promotion.RunStartRegistry;
import lakehouse.gold.staging.CheckedPartition;
import lakehouse.gold.staging.ExpiredStaging;
import lakehouse.gold.staging.PartitionStager;
import lakehouse.gold.staging.StagedPartition;
import lakehouse.gold.staging.StagedPartitionChecker;
import lakehouse.gold.staging.StagingJanitor;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gold layer of one run: rebuilds the gold partitions affected by the event dates the run
 * changed in silver, stages them, checks every staged partition, then promotes each table's
 * partitions in one atomic commit (user_features first, then campaign_daily).
 *
 * <p>Nothing is promoted unless every staged partition of both tables passed its checks. A run that
 * dies anywhere before a commit leaves the tables as they were; its staging is removed by the next
 * run (expired staging is removed when a run starts) or by {@code cleanup}.
 */
public final class GoldLayer {
  private static final Logger LOG = LoggerFactory.getLogger(GoldLayer.class);

  /**
   * How long staging of a dead run is kept when the caller does not say (the configuration's
   * default).
   */
  public static final Duration DEFAULT_STAGING_RETENTION = Duration.ofHours(24);

  private static final Set<String> KNOWN_VERSIONS = Set.of("v1");

  private final SparkSession spark;
  private final LakeLayout lake;
  private final GoldSettings settings;
  private final Duration stagingRetention;
  private final Clock clock;
  private final GoldRunListener listener;

  /** One lineage for the layer's runs: what planning read is reused by the promotions. */
  private final GoldLineage lineage;

  public GoldLayer(SparkSession spark, LakeLayout lake, GoldSettings settings) {
    this(spark, lake, settings, DEFAULT_STAGING_RETENTION, Clock.systemUTC());
  }

  /**
   * @param stagingRetention staging of dead runs older than this is removed when a run starts
   */
  public GoldLayer(
      SparkSession spark,
      LakeLayout lake,
      GoldSettings settings,
      Duration stagingRetention,
      Clock clock) {
    this(spark, lake, settings, stagingRetention, clock, GoldRunListener.NONE);
  }

  private GoldLayer(
      SparkSession spark,
      LakeLayout lake,
      GoldSettings settings,
      Duration stagingRetention,
      Clock clock,
      GoldRunListener listener) {
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
    this.stagingRetention = stagingRetention;
    this.clock = clock;
    this.listener = listener;
    this.lineage = new GoldLineage(spark, lake);
  }

  /** The same layer, telling the listener about its progress (tests: pausing or lining up runs). */
  public GoldLayer withListener(GoldRunListener listener) {
    return new GoldLayer(spark, lake, settings, stagingRetention, clock, listener);
  }

  public GoldTable userFeaturesTable() {
    return GoldTable.userFeatures(lake, settings.userFeaturesVersion());
  }

  public GoldTable campaignDailyTable() {
    return GoldTable.campaignDaily(lake, settings.campaignDailyVersion());
  }

  /** Removes staging of dead runs older than the retention; what {@code cleanup} calls. */
  public List<ExpiredStaging> removeExpiredStaging(Duration retention, boolean dryRun) {
    return new StagingJanitor(lake, spark.sparkContext().hadoopConfiguration())
        .removeExpired(retention, clock, dryRun);
  }

  /**
   * Event dates from {@code from} to {@code to} whose silver events changed after gold last built
   * from them (see {@link SilverChangesNotInGold}): a run adds them to its own changes to finish
   * what a failed run left.
   */
  public SortedSet<LocalDate> silverChangesNotInGold(LocalDate from, LocalDate to) {
    // The run's promotions ask lineage about the same window's partitions: read them all at once.
    List<LocalDate> window = from.datesUntil(to.plusDays(1)).toList();
    prefetchLineage(window, window);
    return SilverChangesNotInGold.within(spark, lake, lineage, campaignDailyTable(), from, to);
  }

  /**
   * Reads at once what planning and both promotions will ask the lineage about these partitions,
   * unless an earlier read of this layer already holds it.
   */
  private void prefetchLineage(
      Collection<LocalDate> userFeaturesKeys, Collection<LocalDate> campaignDailyKeys) {
    List<LineageInterest> interests =
        List.of(
            PartitionPromotion.lineageInterest(spark, lake, userFeaturesTable(), userFeaturesKeys),
            PartitionPromotion.lineageInterest(
                spark, lake, campaignDailyTable(), campaignDailyKeys));
    if (!lineage.knows(interests)) {
      lineage.prefetch(interests);
    }
  }

  /**
   * Rebuilds and promotes the gold partitions affected by the changed event dates of the run for
   * ingest date D.
   */
  public GoldResult build(LocalDate ingestDate, Set<LocalDate> changedEventDates, String runId) {
    return build(GoldPlanner.plan(ingestDate, changedEventDates), changedEventDates, runId);
  }

  /**
   * Rebuilds the given dates of both tables from silver as it is (a backfill of gold alone): the
   * partitions of all the dates are computed together and promoted in one commit per table, which
   * is much cheaper than one run per date, since a run's cost is mostly its fixed number of
   * commits.
   */
  public GoldResult rebuild(SortedSet<LocalDate> dates, String runId) {
    return build(GoldPlanner.rebuild(dates), Set.of(), runId);
  }

  private GoldResult build(GoldPlan plan, Set<LocalDate> changedEventDates, String runId) {
    LocalDate ingestDate = plan.ingestDate();
    long started = clock.millis();
    requireKnownVersion("lakehouse.gold.user-features-version", settings.userFeaturesVersion());
    requireKnownVersion("lakehouse.gold.campaign-daily-version", settings.campaignDailyVersion());
    RunStart run =
        new RunStartRegistry(lake, spark.sparkContext().hadoopConfiguration())
            .register(runId, clock);
    List<ExpiredStaging> removed = removeExpiredStagingBeforeRun();

    SilverInput activity =
        SilverInput.pin(
            spark,
            lake,
            lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION),
            UserDailyActivity.SCHEMA);
    SilverInput events = SilverInput.pin(spark, lake, lake.silverEvents(), SilverEvents.SCHEMA);

    PartitionStager stager = new PartitionStager(lake, settings.maxRowsPerFile());
    GoldTable userFeatures = userFeaturesTable();
    GoldTable campaignDaily = campaignDailyTable();
    List<StagedPartition> stagedFeatures =
        stager.stage(
            userFeatures,
            UserFeaturesComputation.compute(
                activity.rows(), plan.userFeaturesAsOfDates(), userFeatures.version(), runId),
            plan.userFeaturesAsOfDates(),
            runId,
            listener);
    List<StagedPartition> stagedCampaigns =
        plan.campaignDailyDates().isEmpty()
            ? List.of()
            : stager.stage(
                campaignDaily,
                CampaignDailyComputation.compute(events.rows(), plan.campaignDailyDates(), runId),
                plan.campaignDailyDates(),
                runId,
                listener);

    // Every partition of both tables is checked, together, before anything is promoted.
    List<StagedPartition> staged = new ArrayList<>(stagedFeatures);
    staged.addAll(stagedCampaigns);
    List<CheckedPartition> checked = new StagedPartitionChecker(spark).checkAll(staged);
    List<CheckedPartition> checkedFeatures = checked.subList(0, stagedFeatures.size());
    List<CheckedPartition> checkedCampaigns =
        checked.subList(stagedFeatures.size(), checked.size());

    prefetchLineage(plan.userFeaturesAsOfDates(), plan.campaignDailyDates());
    // Each commit names every table the run promotes, so a reader can hold back a run whose later
    // promotion is missing (failed, or still to come) instead of showing half of it.
    List<String> runTables = new ArrayList<>(List.of(tableId(userFeatures)));
    if (!checkedCampaigns.isEmpty()) {
      runTables.add(tableId(campaignDaily));
    }
    List<PromotionResult> promotions = new ArrayList<>();
    promotions.add(
        promote(
            userFeatures,
            run,
            checkedFeatures,
            Map.of(activity.name(), activity.version()),
            runTables));
    if (!checkedCampaigns.isEmpty()) {
      promotions.add(
          promote(
              campaignDaily,
              run,
              checkedCampaigns,
              Map.of(events.name(), events.version()),
              runTables));
    }
    return result(
        ingestDate,
        changedEventDates,
        run,
        promotions,
        stagedFeatures,
        stagedCampaigns,
        Map.of(activity.name(), activity.version(), events.name(), events.version()),
        removed,
        started);
  }

  private static String tableId(GoldTable table) {
    return table.name() + "/" + table.version();
  }

  private PromotionResult promote(
      GoldTable table,
      RunStart run,
      List<CheckedPartition> checked,
      Map<String, Long> inputs,
      List<String> runTables) {
    return new PartitionPromotion(spark, lake, table, run)
        .addAll(checked)
        .inputVersions(inputs)
        .runTables(runTables)
        .lineage(lineage)
        .maxRowsPerFile(settings.maxRowsPerFile())
        .listener(listener)
        .commit();
  }

  private List<ExpiredStaging> removeExpiredStagingBeforeRun() {
    try {
      List<ExpiredStaging> removed = removeExpiredStaging(stagingRetention, false);
      removed.forEach(
          r -> LOG.info("gold: removed expired staging of run {} at {}", r.runId(), r.path()));
      return removed;
    } catch (RuntimeException e) {
      // Leftover staging costs space, not correctness: the run goes on and cleanup will try again.
      LOG.warn("gold: cannot remove expired staging under {}: {}", lake.staging(), e.getMessage());
      return List.of();
    }
  }

  private GoldResult result(
      LocalDate ingestDate,
      Set<LocalDate> changed,
      RunStart run,
      List<PromotionResult> promotions,
      List<StagedPartition> stagedFeatures,
      List<StagedPartition> stagedCampaigns,
      Map<String, Long> inputs,
      List<ExpiredStaging> removed,
      long started) {
    GoldResult.Builder result =
        GoldResult.builder()
            .run(ingestDate.toString(), run.runId(), run.startedAt().toString())
            .tables(List.of(userFeaturesTable().name(), campaignDailyTable().name()))
            .changedEventDates(new TreeSet<>(changed).stream().map(LocalDate::toString).toList());
    for (PromotionResult promotion : promotions) {
      result.promotion(
          promotion.table(),
          dates(promotion, PromotionOutcome.PROMOTED),
          dates(promotion, PromotionOutcome.ALREADY_PROMOTED),
          dates(promotion, PromotionOutcome.SUPERSEDED),
          promotion.committed() ? promotion.committedVersion() : promotion.tableVersionBefore());
      for (PartitionOutcome outcome : promotion.partitions()) {
        if (outcome.outcome() != PromotionOutcome.PROMOTED) {
          result.message(
              promotion.table() + " " + outcome.partitionKey() + ": " + outcome.detail());
        }
      }
    }
    result.rowsPerPartition(userFeaturesTable().name(), rowsByKey(stagedFeatures));
    if (!stagedCampaigns.isEmpty()) {
      result.rowsPerPartition(campaignDailyTable().name(), rowsByKey(stagedCampaigns));
    }
    return result
        .inputVersions(inputs)
        .stagingRemoved(removed)
        .durationMs(clock.millis() - started)
        .build();
  }

  private static List<String> dates(PromotionResult promotion, PromotionOutcome outcome) {
    return promotion.partitions().stream()
        .filter(p -> p.outcome() == outcome)
        .map(p -> p.partitionKey().toString())
        .toList();
  }

  private static Map<String, Long> rowsByKey(List<StagedPartition> staged) {
    Map<String, Long> rows = new TreeMap<>();
    staged.forEach(p -> rows.put(p.partitionKey().toString(), p.computedRows()));
    return rows;
  }

  private static void requireKnownVersion(String option, String version) {
    if (!KNOWN_VERSIONS.contains(version)) {
      throw new ConfigurationException(
          option + " = " + version + ": this build computes only " + KNOWN_VERSIONS);
    }
  }
}
