package lakehouse.silver.replay;

import static org.apache.spark.sql.functions.lit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import lakehouse.shared.config.SilverSettings;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.lock.LakeLock;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.silver.AcceptedEvents;
import lakehouse.silver.DedupCounts;
import lakehouse.silver.EventTimeWindow;
import lakehouse.silver.FeatureGroupTables;
import lakehouse.silver.InputSummary;
import lakehouse.silver.QuarantineCounts;
import lakehouse.silver.SilverLayer;
import lakehouse.silver.dedup.EventDeduplication;
import lakehouse.silver.migration.EventMigrations;
import lakehouse.silver.table.DeclaredTable;
import lakehouse.silver.validation.RecordValidation;
import lakehouse.silver.validation.ValidationRule;
import lakehouse.silver.validation.ValidationRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-validates the quarantined records of some ingest dates under today's rules and settings, and
 * releases those that pass into silver exactly as the night of their ingest date would have taken
 * them: each ingest date in order, validated with its own event-time window ({@link
 * EventTimeWindow} of today's settings), migrated to the latest shape ({@link EventMigrations}),
 * deduplicated by event id against silver ({@link EventDeduplication}), appended with their ingest
 * date, source file and tokens as bronze had them and this run's id.
 *
 * <p>Commits, in this order: (1) per ingest date, the released events, one append; (2) the feature
 * groups of every event date that changed, one replaceWhere per group; (3) the release marks, one
 * MERGE setting {@code released_by_run} on the quarantine's records, last. The quarantine keeps
 * every record: released ones carry the run that released them.
 *
 * <p>A replay that stops before (3) leaves its records unmarked, and the next replay releases them
 * again: silver's copy from the same ingest date and source file is recognised as already accepted
 * (as a night recognises the events of its own interrupted attempt), so it is not appended twice,
 * and its event date counts as changed, so the feature groups are rebuilt. A replay after (3)
 * considers none of them: replaying twice releases nothing twice. Gold is not written here: the
 * caller rebuilds the gold partitions of the changed dates through gold's planning, which also
 * finds the dates a stopped replay changed in silver before gold saw them.
 */
public final class QuarantineReplay {
  private static final Logger LOG = LoggerFactory.getLogger(QuarantineReplay.class);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final SilverSettings settings;
  private final Clock clock;
  private final DeclaredTable events;
  private final DeclaredTable quarantine;
  private final FeatureGroupTables featureGroups;
  private final EventMigrations migrations = EventMigrations.chain();
  private final List<ValidationRule> rules = ValidationRules.ALL;

  public QuarantineReplay(
      SparkSession spark, LakeLayout lake, SilverSettings settings, Clock clock) {
    TableCatalog catalog = new TableCatalog(lake);
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
    this.clock = clock;
    this.events = DeclaredTable.of(catalog.silverEvents());
    this.quarantine = DeclaredTable.of(catalog.quarantine());
    this.featureGroups = new FeatureGroupTables(spark, catalog);
  }

  /**
   * Replays the quarantined records of the ingest dates {@code from} to {@code to}.
   *
   * @param reason only records quarantined for this reason (a name of {@link ValidationRules}), or
   *     all of them
   */
  @SuppressWarnings("try") // the lock is held for the body, not used in it
  public ReplayResult replay(LocalDate from, LocalDate to, Optional<String> reason, String runId) {
    reason.ifPresent(QuarantineReplay::requireKnownReason);
    long started = clock.millis();
    // Silver's writers take turns on a local lake: a replay decides what is new as a night does.
    try (LakeLock lock =
        LakeLock.acquire(lake, SilverLayer.WRITER_LOCK, runId, SilverLayer.LOCK_TIMEOUT)) {
      return replayHoldingLock(from, to, reason, runId, started);
    }
  }

  private ReplayResult replayHoldingLock(
      LocalDate from, LocalDate to, Optional<String> reason, String runId, long started) {
    QuarantineTable table = new QuarantineTable(spark, quarantine);
    Tally tally = new Tally(rules);
    List<Dataset<Row>> releasedRecords = new ArrayList<>();
    SortedSet<LocalDate> changed = new TreeSet<>();
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      Dataset<Row> considered = table.unreleased(date);
      if (reason.isPresent()) {
        considered = considered.where(Revalidation.quarantinedFor(reason.get()));
      }
      EventTimeWindow window = EventTimeWindow.of(date, settings);
      Dataset<Row> validated = Revalidation.revalidate(considered, rules, window);
      InputSummary input = InputSummary.of(validated, rules);
      QuarantineCounts outcome = input.quarantined();
      tally.considered(outcome);
      if (outcome.records() == outcome.quarantined()) {
        continue;
      }
      Dataset<Row> released = validated.where(RecordValidation.isValid());
      tally.released(ReleasedReasons.count(released, rules));
      DedupCounts dedup = release(released, input, window, runId);
      tally.dedup(dedup);
      changed.addAll(dedup.changedEventDates());
      releasedRecords.add(
          released.select(
              BronzeEvents.INGEST_DATE,
              BronzeEvents.SOURCE_FINGERPRINT,
              BronzeEvents.SOURCE_POSITION));
      LOG.info(
          "replay {}: {} quarantined records considered, {} released, {} new events, {} duplicates",
          date,
          outcome.records(),
          outcome.records() - outcome.quarantined(),
          dedup.newEvents(),
          dedup.duplicates());
    }
    if (!changed.isEmpty()) {
      featureGroups.rebuild(changed);
    }
    if (!releasedRecords.isEmpty()) {
      table.markReleased(
          releasedRecords.stream().reduce(Dataset::unionByName).orElseThrow(), from, to, runId);
    }
    return tally.result(
        from, to, reason, table.alreadyReleased(from, to), changed, clock.millis() - started);
  }

  /**
   * Appends the released records that are new events to silver; returns what dedup decided. The
   * records are searched against silver as it is now, so a record of an earlier ingest date of this
   * replay counts as accepted for a later one.
   */
  private DedupCounts release(
      Dataset<Row> released, InputSummary input, EventTimeWindow window, String runId) {
    Dataset<Row> candidates = migrations.toLatest(released, input.schemaVersions());
    // No file counts as completed: silver's copy of a record from the same ingest date and file is
    // the one an interrupted replay appended, recognised rather than counted as a duplicate.
    Dataset<Row> notKept =
        EventDeduplication.notKept(
                EventDeduplication.classify(
                    candidates, AcceptedEvents.within(spark, events, window), Set.of()))
            .persist();
    try {
      DedupCounts dedup = DedupCounts.of(notKept, input.validByEventDate());
      if (dedup.newEvents() > 0) {
        events.append(
            spark,
            EventDeduplication.kept(candidates, notKept)
                .withColumn(SilverEvents.RUN_ID, lit(runId)));
      }
      return dedup;
    } finally {
      notKept.unpersist();
    }
  }

  /**
   * Checks a reason given to replay, before anything starts.
   *
   * @throws UnknownReasonException if no validation rule has that name
   */
  public static void requireKnownReason(String reason) {
    if (!ValidationRules.names().contains(reason)) {
      throw new UnknownReasonException(reason, ValidationRules.names());
    }
  }

  /** The replay's counts, added up date by date. */
  private static final class Tally {
    private final Map<String, Long> releasedByReason = new LinkedHashMap<>();
    private final Map<String, Long> stillByReason = new LinkedHashMap<>();
    private long considered;
    private long stillQuarantined;
    private long accepted;
    private long duplicates;
    private long alreadyAccepted;

    Tally(List<ValidationRule> rules) {
      for (ValidationRule rule : rules) {
        releasedByReason.put(rule.name(), 0L);
        stillByReason.put(rule.name(), 0L);
      }
    }

    void considered(QuarantineCounts outcome) {
      considered += outcome.records();
      stillQuarantined += outcome.quarantined();
      outcome.byReason().forEach((rule, rows) -> stillByReason.merge(rule, rows, Long::sum));
    }

    void released(Map<String, Long> byReason) {
      byReason.forEach((rule, rows) -> releasedByReason.merge(rule, rows, Long::sum));
    }

    void dedup(DedupCounts dedup) {
      accepted += dedup.newEvents();
      duplicates += dedup.duplicates();
      alreadyAccepted += dedup.alreadyAccepted();
    }

    ReplayResult result(
        LocalDate from,
        LocalDate to,
        Optional<String> reason,
        long releasedBefore,
        SortedSet<LocalDate> changed,
        long durationMs) {
      return new ReplayResult(
          from.toString(),
          to.toString(),
          reason.orElse(null),
          considered,
          considered - stillQuarantined,
          stillQuarantined,
          Collections.unmodifiableMap(new LinkedHashMap<>(releasedByReason)),
          Collections.unmodifiableMap(new LinkedHashMap<>(stillByReason)),
          accepted,
          duplicates,
          alreadyAccepted,
          releasedBefore,
          changed.stream().map(LocalDate::toString).toList(),
          durationMs);
    }
  }
}
