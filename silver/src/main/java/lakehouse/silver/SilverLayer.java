package lakehouse.silver;

import static org.apache.spark.sql.functions.lit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lakehouse.shared.config.SilverSettings;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.lock.LakeLock;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.silver.dedup.DedupOutcome;
import lakehouse.silver.dedup.EventDeduplication;
import lakehouse.silver.migration.EventMigrations;
import lakehouse.silver.table.DeclaredTable;
import lakehouse.silver.validation.RecordValidation;
import lakehouse.silver.validation.ValidationRule;
import lakehouse.silver.validation.ValidationRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the bronze rows of one ingest date into silver: validated, migrated to the latest schema
 * shape, deduplicated events in {@code silver/ad_events}, failing records in {@code
 * silver/quarantine}, and the daily feature groups of every event date that received an event.
 *
 * <p>Which rows: those of the date's bronze files that are not in the {@link ProcessedFilesLedger}.
 * A date with no such file changes no table (no new Delta version anywhere).
 *
 * <p>Commits, in this order, each one atomic: (1) the new events, one append; (2) the quarantined
 * records, one replaceWhere of exactly this run's files of the date, so writing them again leaves
 * one copy; (3) each feature group, one replaceWhere of the changed event dates; (4) the ledger,
 * one append, last, so a file counts as processed only once all of its effects are committed.
 *
 * <p>A run that stops between commits leaves its files pending, and the next run of the date reads
 * them again. Its events already in silver are recognised by their lineage: the copy silver holds
 * with the same event id, ingest date and source file (first in that file, from a file whose
 * processing never completed) is {@link DedupOutcome#ALREADY_ACCEPTED}. It is not appended again
 * and not counted as a duplicate; nor is it counted as read or accepted. The counts of a run
 * describe the decisions it made, and the interrupted attempt made that one; so {@code rows_read =
 * rows_accepted + records_quarantined + duplicates_dropped} holds for every run, and the rows a run
 * appends to silver are its {@code rows_accepted}. Such rows are reported apart as {@code
 * rows_already_accepted}, and their event dates count as changed, because the interrupted attempt
 * may have died before rebuilding their feature groups. Quarantined records of those files are
 * decided and counted again (the replaceWhere keeps one copy of each), since the interrupted
 * attempt reported nothing.
 *
 * <p>Rows written carry this run's id in {@code run_id}, in silver events and in the quarantine
 * alike; the bronze run that ingested a record is found through its {@code source_fingerprint}.
 *
 * <p>Every read of bronze and silver inside a run is pinned to the Delta version seen at its start,
 * so the counts and the commits describe the same rows even when a step is recomputed.
 *
 * <p>The pending rows are read from bronze and validated once, and held in Spark's cache (memory,
 * then local disk) for the run's passes; no job runs only to count: one aggregate over the
 * validated rows answers everything known before dedup ({@link InputSummary}), and one over the
 * event_time column measures how late the records arrived ({@link ArrivalLatencyAggregate}); dedup
 * classifies the valid records on the few columns it needs and keeps only the records it drops,
 * from which the dedup counts follow; the append and the quarantine write then take their rows from
 * the held ones.
 */
public final class SilverLayer {
  private static final Logger LOG = LoggerFactory.getLogger(SilverLayer.class);

  /** The lock of the lake that silver's writers take in turn (see {@link #process}). */
  public static final String WRITER_LOCK = "silver";

  /** Long enough for another run's silver of a large night. */
  public static final Duration LOCK_TIMEOUT = Duration.ofMinutes(30);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final SilverSettings settings;
  private final Clock clock;
  private final TableCatalog catalog;
  private final DeclaredTable events;
  private final DeclaredTable quarantine;
  private final ProcessedFilesLedger ledger;
  private final EventMigrations migrations = EventMigrations.chain();
  private final List<ValidationRule> rules = ValidationRules.ALL;
  private final FeatureGroupTables featureGroups;

  public SilverLayer(SparkSession spark, LakeLayout lake, SilverSettings settings) {
    this(spark, lake, settings, Clock.systemUTC());
  }

  public SilverLayer(SparkSession spark, LakeLayout lake, SilverSettings settings, Clock clock) {
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
    this.clock = clock;
    this.catalog = new TableCatalog(lake);
    this.events = DeclaredTable.of(catalog.silverEvents());
    this.quarantine = DeclaredTable.of(catalog.quarantine());
    this.ledger = new ProcessedFilesLedger(spark, lake);
    this.featureGroups = new FeatureGroupTables(spark, catalog);
  }

  /**
   * Processes the bronze rows of ingest date D that silver has not processed yet.
   *
   * <p>On a local lake two runs of the lakehouse (a night and a backfill of the same dates, say)
   * process silver one after the other, under a lock of the lake: silver decides what is new by
   * reading silver and its ledger, and Delta lets two appends of the same new events both commit,
   * as neither replaced what the other read. The second run then finds the files processed. On an
   * object store or HDFS no file lock is seen by other machines, and the lake's writer lease keeps
   * a second application out instead.
   */
  @SuppressWarnings("try") // the lock is held for the body, not used in it
  public SilverResult process(LocalDate ingestDate, String runId) {
    long started = clock.millis();
    try (LakeLock lock = LakeLock.acquire(lake, WRITER_LOCK, runId, LOCK_TIMEOUT)) {
      return processHoldingLock(ingestDate, runId, started);
    }
  }

  private SilverResult processHoldingLock(LocalDate ingestDate, String runId, long started) {
    Set<BronzeFile> processed = ledger.filesProcessed(ingestDate);
    EventTimeWindow window = EventTimeWindow.of(ingestDate, settings);
    Dataset<Row> pending =
        PendingInput.read(spark, lake.bronzeEvents(), ingestDate, processed).rows();
    // Held for the run's passes over the day (its counts, its latency, dedup, the append and the
    // quarantine), so the bronze files are read and validated once. Spark keeps the columns
    // (uncompressed with conf/application.conf: compressing them costs more than it saves) and
    // moves to local disk what does not fit in its storage memory, so a large day costs disk, not
    // heap.
    Dataset<Row> validated =
        RecordValidation.validate(pending, rules, window).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return processValidated(ingestDate, runId, started, processed, window, validated);
    } finally {
      validated.unpersist();
    }
  }

  private SilverResult processValidated(
      LocalDate ingestDate,
      String runId,
      long started,
      Set<BronzeFile> processed,
      EventTimeWindow window,
      Dataset<Row> validated) {
    InputSummary input = InputSummary.of(validated, rules);
    Map<DeclaredTable, Long> committed = new LinkedHashMap<>();
    if (input.isEmpty()) {
      LOG.info("silver {}: no bronze file left to process", ingestDate);
      return result(
          new QuarantineCounts(0, 0, zeroPerRule()),
          new DedupCounts(0, 0, 0, new TreeSet<>()),
          ArrivalLatency.none(ingestDate),
          committed,
          started);
    }
    // Its own small job over the event_time column: percentiles do not add up per file, so they
    // cannot ride on the per-file aggregate above.
    ArrivalLatency arrival = ArrivalLatencyAggregate.measure(validated, window);
    Dataset<Row> candidates =
        migrations.toLatest(validated.where(RecordValidation.isValid()), input.schemaVersions());
    Set<String> completedFiles =
        processed.stream().map(BronzeFile::sourceFile).collect(Collectors.toSet());
    // Classified once, on the few columns dedup needs; only the records not kept are cached, so
    // the counts and the append agree on every decision.
    Dataset<Row> notKept =
        EventDeduplication.notKept(
                EventDeduplication.classify(
                    candidates, AcceptedEvents.within(spark, events, window), completedFiles))
            .persist();
    try {
      DedupCounts dedup = DedupCounts.of(notKept, input.validByEventDate());
      QuarantineCounts quarantined = input.quarantined();

      if (dedup.newEvents() > 0) {
        committed.put(
            events,
            events.append(
                spark,
                EventDeduplication.kept(candidates, notKept)
                    .withColumn(SilverEvents.RUN_ID, lit(runId))));
      }
      if (quarantined.quarantined() > 0) {
        committed.put(
            quarantine,
            quarantine.replaceWhere(
                spark,
                validated
                    .where(RecordValidation.isQuarantined())
                    .withColumn(BronzeEvents.RUN_ID, lit(runId)),
                BronzeFile.rowsOf(ingestDate, input.files())));
      }
      if (!dedup.changedEventDates().isEmpty()) {
        committed.putAll(featureGroups.rebuild(dedup.changedEventDates()));
      }
      committed.put(
          ledger.table(), ledger.record(ingestDate, input.files(), runId, clock.instant()));

      SilverResult result = result(quarantined, dedup, arrival, committed, started);
      LOG.info(
          "silver {}: {} files, {} rows read, {} accepted, {} duplicates, {} quarantined, event dates {}",
          ingestDate,
          input.files().size(),
          result.rowsRead(),
          result.rowsAccepted(),
          result.duplicatesDropped(),
          result.recordsQuarantined(),
          result.changedEventDates());
      return result;
    } finally {
      notKept.unpersist();
    }
  }

  private SilverResult result(
      QuarantineCounts quarantined,
      DedupCounts dedup,
      ArrivalLatency arrival,
      Map<DeclaredTable, Long> committed,
      long started) {
    return new SilverResult(
        quarantined.records() - dedup.alreadyAccepted(),
        dedup.newEvents(),
        dedup.duplicates(),
        quarantined.quarantined(),
        quarantined.byReason(),
        dedup.changedEventDates(),
        tableVersions(committed),
        clock.millis() - started,
        dedup.alreadyAccepted(),
        arrival);
  }

  /**
   * Each table's version after the run: the one a write of the run created, or else the latest,
   * read from the log on the driver.
   */
  private Map<String, Long> tableVersions(Map<DeclaredTable, Long> committed) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (DeclaredTable table : allTables()) {
      Long version = committed.get(table);
      versions.put(table.path(), version != null ? version : table.version(spark));
    }
    return versions;
  }

  private List<DeclaredTable> allTables() {
    List<DeclaredTable> tables = new ArrayList<>(List.of(events, quarantine));
    tables.addAll(featureGroups.tables());
    tables.add(ledger.table());
    return tables;
  }

  private Map<String, Long> zeroPerRule() {
    Map<String, Long> zero = new LinkedHashMap<>();
    rules.forEach(rule -> zero.put(rule.name(), 0L));
    return zero;
  }
}
