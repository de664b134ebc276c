package lakehouse.cli.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lakehouse.bronze.LandingFile;
import lakehouse.bronze.LandingZone;
import lakehouse.gold.GoldLayer;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.config.LatenessRecommendationSettings;
import lakehouse.shared.delta.DeltaColumnMax;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.tables.ProcessedFiles;
import lakehouse.shared.tables.SilverEvents;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@link LakeGauges} from the lake after a run: the landing zone's folders and files,
 * silver's processed-files ledger (a row per file), the event_time statistics of silver's newest
 * partitions, the gold lineage of the last weeks and the run reports' arrival latency; never a
 * whole table's data.
 */
public final class LakeGaugeReader {
  private static final Logger LOG = LoggerFactory.getLogger(LakeGaugeReader.class);
  private static final String DATE_FOLDER = "ingest_date=";

  private final SparkSession spark;
  private final LakehouseConfig config;
  private final Clock clock;

  public LakeGaugeReader(SparkSession spark, LakehouseConfig config, Clock clock) {
    this.spark = spark;
    this.config = config;
    this.clock = clock;
  }

  /**
   * The lake's state now.
   *
   * @param runId the run measuring it, whose report is not written yet
   * @param ownNights the nights silver measured in this run, which its report will hold
   * @param goldUpToDate the event dates this run's gold searched and brought up to date, if it did
   */
  public LakeGauges read(
      String runId, List<NightArrival> ownNights, Optional<GoldUpToDate> goldUpToDate)
      throws IOException {
    long started = System.nanoTime();
    NavigableMap<LocalDate, Set<String>> processed = processedFiles();
    long ledgerRead = System.nanoTime();
    Optional<LocalDate> newestProcessed =
        processed.isEmpty() ? Optional.empty() : Optional.of(processed.lastKey());
    int lateness = config.silver().allowedLatenessDays();
    Optional<LocalDate> watermark = newestProcessed.map(d -> d.minusDays(lateness));
    // Both are a few small Spark jobs whose time is mostly scheduling and Delta log reads, not
    // work: side by side, the run waits for the longer one rather than for both. The thread is new,
    // so that it inherits this thread's Spark properties as they are now, with no layer's tag.
    ExecutorService beside = Executors.newSingleThreadExecutor();
    Map<String, Long> stalePartitions;
    Optional<Instant> newestEvent;
    Backlog backlog;
    long newestRead;
    long backlogRead;
    long staleRead;
    try {
      LocalDate upTo = newestProcessed.orElse(LocalDate.MIN);
      CompletableFuture<Map<String, Long>> stale =
          watermark.isPresent()
                  && goldUpToDate.isPresent()
                  && goldUpToDate.get().covers(watermark.get(), upTo.plusDays(1))
              // This run's gold has just searched these dates: nothing in them is stale, unless
              // another run changed silver since, which the next night's gauges will show.
              ? CompletableFuture.completedFuture(StaleGold.partitions(Set.of(), upTo))
              : CompletableFuture.supplyAsync(() -> goldPartitionsStale(watermark, upTo), beside);
      newestEvent = newestEventTime(watermark);
      newestRead = System.nanoTime();
      Set<String> processedFingerprints = new HashSet<>();
      processed.values().forEach(processedFingerprints::addAll);
      backlog = Backlog.of(landingFiles(), processedFingerprints);
      backlogRead = System.nanoTime();
      stalePartitions = joined(stale);
      staleRead = System.nanoTime();
    } finally {
      beside.shutdown();
    }
    LatenessRecommendationSettings recommending = config.metrics().latenessRecommendation();
    LatenessRecommendation recommendation =
        LatenessRecommendation.of(
            ArrivalHistory.newest(
                spark.sparkContext().hadoopConfiguration(),
                config.lake().runs(),
                runId,
                ownNights,
                recommending.nights()),
            recommending.keepShare(),
            lateness);
    long ended = System.nanoTime();
    LOG.info(
        "lake state read in {} ms: processed-files ledger {} ms, newest event time {} ms, landing"
            + " backlog {} ms, then waiting for gold staleness {} ms, arrival history {} ms",
        (ended - started) / 1_000_000,
        (ledgerRead - started) / 1_000_000,
        (newestRead - ledgerRead) / 1_000_000,
        (backlogRead - newestRead) / 1_000_000,
        (staleRead - backlogRead) / 1_000_000,
        (ended - staleRead) / 1_000_000);
    Instant now = clock.instant();
    return new LakeGauges(
        now.toString(),
        newestEvent.map(Instant::toString).orElse(null),
        newestEvent.map(e -> Duration.between(e, now).toSeconds()).orElse(null),
        newestProcessed.map(LocalDate::toString).orElse(null),
        watermark.map(LocalDate::toString).orElse(null),
        lateness,
        backlog.dates(),
        backlog.files(),
        stalePartitions,
        recommendation,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Silver's processed files by ingest date, in date order. */
  private NavigableMap<LocalDate, Set<String>> processedFiles() {
    NavigableMap<LocalDate, Set<String>> byDate = new TreeMap<>();
    DeltaPartitionWriter.read(spark, config.lake().processedFiles())
        .ifPresent(
            ledger -> {
              for (Row row :
                  ledger
                      .select(ProcessedFiles.INGEST_DATE, ProcessedFiles.SOURCE_FINGERPRINT)
                      .collectAsList()) {
                byDate
                    .computeIfAbsent(row.getDate(0).toLocalDate(), d -> new HashSet<>())
                    .add(row.getString(1));
              }
            });
    return byDate;
  }

  /** Every landing date's files, by fingerprint, as bronze would list them. */
  private Map<LocalDate, List<String>> landingFiles() throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path landing = new Path(config.lake().landingEvents());
    FileSystem fs = landing.getFileSystem(hadoop);
    FileStatus[] folders;
    try {
      folders = fs.listStatus(landing);
    } catch (FileNotFoundException e) {
      return Map.of();
    }
    LandingZone zone = new LandingZone(config.lake(), hadoop);
    Map<LocalDate, List<String>> files = new LinkedHashMap<>();
    for (FileStatus folder : folders) {
      String name = folder.getPath().getName();
      if (!folder.isDirectory() || !name.startsWith(DATE_FOLDER)) {
        continue;
      }
      try {
        LocalDate date = LocalDate.parse(name.substring(DATE_FOLDER.length()));
        files.put(date, zone.filesOf(date).stream().map(LandingFile::fingerprint).toList());
      } catch (DateTimeParseException | UncheckedIOException e) {
        // Not a date's folder: not the landing zone's business, nor the backlog's.
      }
    }
    return files;
  }

  /**
   * The newest accepted event_time. Events dated before the watermark can no longer be accepted, so
   * the newest one is in the partitions from there on; all partitions are looked at only when those
   * hold none. Read from the per-file statistics of silver's log, and from the event_time column
   * only when some file in scope has none.
   */
  private Optional<Instant> newestEventTime(Optional<LocalDate> watermark) {
    String silver = config.lake().silverEvents();
    if (!DeltaPartitionWriter.exists(spark, silver)) {
      return Optional.empty();
    }
    if (watermark.isPresent()) {
      Optional<Instant> recent = newest(silver, watermark);
      if (recent.isPresent()) {
        return recent;
      }
    }
    return newest(silver, Optional.empty());
  }

  private Optional<Instant> newest(String silver, Optional<LocalDate> from) {
    DeltaColumnMax.Answer fromStatistics =
        DeltaColumnMax.timestamp(
            spark, silver, SilverEvents.EVENT_TIME, SilverEvents.EVENT_DATE, from);
    if (fromStatistics.known()) {
      return fromStatistics.max();
    }
    Dataset<Row> events = spark.read().format("delta").load(silver);
    if (from.isPresent()) {
      events = events.where(col(SilverEvents.EVENT_DATE).geq(Date.valueOf(from.get())));
    }
    Row row = events.agg(max(col(SilverEvents.EVENT_TIME))).head();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(((Timestamp) row.get(0)).toInstant());
  }

  /**
   * Stale partitions per gold table: those built from silver event dates that changed after gold
   * last built them, among the dates a run can still change (from the watermark on). Gold reads the
   * same thing at the start of every run, to rebuild them.
   */
  private Map<String, Long> goldPartitionsStale(Optional<LocalDate> watermark, LocalDate upTo) {
    if (watermark.isEmpty()) {
      return Map.of();
    }
    GoldLayer gold =
        new GoldLayer(spark, config.lake(), config.gold(), config.retention().staging(), clock);
    return StaleGold.partitions(
        gold.silverChangesNotInGold(watermark.get(), upTo.plusDays(1)), upTo);
  }
}
