package lakehouse.gold.promotion;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageInterest;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.gold.staging.CheckedPartition;
import lakehouse.gold.staging.StagedPartition;
import lakehouse.gold.staging.StagingJanitor;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.delta.ConflictRetry;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lock.LakeLock;
import lakehouse.shared.lock.LockTimeoutException;
import lakehouse.shared.spark.LakehouseSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a run's checked partitions of one gold table in one atomic Delta commit (replaceWhere
 * over exactly those partition values, reading the staged Parquet). Build it, add partitions, call
 * {@link #commit()} once.
 *
 * <p>Guarantees, per partition:
 *
 * <ul>
 *   <li>a partition that already holds this run's output is left alone ({@link
 *       PromotionOutcome#ALREADY_PROMOTED}), so a retry converges and, when everything was
 *       promoted, adds no Delta version;
 *   <li>a partition held by a run that started after this one keeps that output ({@link
 *       PromotionOutcome#SUPERSEDED}): an old run retried late never overwrites a newer one;
 *   <li>otherwise the partition gets this run's output ({@link PromotionOutcome#PROMOTED}); a
 *       backfill is a new run, newer than the nightly run before it, so its output becomes visible.
 * </ul>
 *
 * Which run holds a partition is read from lineage and from the commit log, whose promotion commits
 * carry their run in userMetadata; the decision and the commit happen under the table's {@link
 * LakeLock}, so on a local lake no other promotion commits in between. On object stores and HDFS
 * there is no file lock; the lake's writer lease keeps other applications of this lakehouse out.
 * Without it, Delta's conflict detection still keeps each commit whole (the table ends with one
 * run's complete output per partition), and a conflict is retried against the new snapshot, but a
 * promotion committed between the ownership read and the write's own snapshot is not seen as newer.
 *
 * <p>The first promotion creates the table with its declared schema in the same commit as its rows
 * (version 0). After the commit the lineage of the promoted partitions is appended and the run's
 * staging of the table is removed.
 */
public final class PartitionPromotion {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionPromotion.class);
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(30);
  private static final int MAX_ATTEMPTS = 3;
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(2);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final GoldTable table;
  private final RunStart run;
  private final TreeMap<LocalDate, StagedPartition> partitions = new TreeMap<>();
  private Map<String, Long> inputVersions = Map.of();
  private List<String> runTables = List.of();
  private PromotionListener listener = PromotionListener.NONE;
  private GoldLineage lineage;
  private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
  private long maxRowsPerFile = 0;
  private boolean committed;

  public PartitionPromotion(SparkSession spark, LakeLayout lake, GoldTable table, RunStart run) {
    this.spark = spark;
    this.lake = lake;
    this.table = table;
    this.run = run;
    this.lineage = new GoldLineage(spark, lake);
  }

  /**
   * What the promotion of these partitions will first ask the lineage, so that a run can read it
   * beforehand with its other questions ({@link GoldLineage#prefetch}).
   */
  public static LineageInterest lineageInterest(
      SparkSession spark, LakeLayout lake, GoldTable table, Collection<LocalDate> partitions) {
    return new PromotionHistory(spark, new GoldLineage(spark, lake)).interest(table, partitions);
  }

  public PartitionPromotion add(CheckedPartition partition) {
    StagedPartition staged = partition.staged();
    if (!staged.table().equals(table) || !staged.runId().equals(run.runId())) {
      throw new IllegalArgumentException(
          "staged partition "
              + staged.path()
              + " is not of "
              + table.label()
              + " for run "
              + run.runId());
    }
    if (partitions.putIfAbsent(staged.partitionKey(), staged) != null) {
      throw new IllegalArgumentException(
          table.partitionLabel(staged.partitionKey()) + " added twice");
    }
    return this;
  }

  public PartitionPromotion addAll(List<CheckedPartition> checked) {
    checked.forEach(this::add);
    return this;
  }

  /**
   * Every gold table the run promotes ({@code <name>/<version>}, in promotion order), recorded in
   * the commit so that a reader can tell a run whose later promotions are still missing.
   */
  public PartitionPromotion runTables(List<String> tables) {
    this.runTables = List.copyOf(tables);
    return this;
  }

  /** The Delta versions of the silver tables the partitions were built from, for lineage. */
  public PartitionPromotion inputVersions(Map<String, Long> versions) {
    this.inputVersions = Map.copyOf(versions);
    return this;
  }

  /**
   * The lineage to read and append to: a run passes the one it read beforehand, so that what it
   * already knows is not read again.
   */
  public PartitionPromotion lineage(GoldLineage lineage) {
    this.lineage = lineage;
    return this;
  }

  public PartitionPromotion listener(PromotionListener listener) {
    this.listener = listener;
    return this;
  }

  /** How long to wait for another promotion of the table to finish before giving up. */
  public PartitionPromotion lockTimeout(Duration timeout) {
    this.lockTimeout = timeout;
    return this;
  }

  /**
   * Caps rows per file written to the table; 0 leaves files as staged (the stager already sized
   * them).
   */
  public PartitionPromotion maxRowsPerFile(long rows) {
    this.maxRowsPerFile = rows;
    return this;
  }

  /**
   * Promotes what is not already promoted or superseded, in one commit.
   *
   * @throws ConcurrentPromotionException another run kept the table busy; nothing of this run was
   *     promoted
   * @throws PromotionFailedException the commit did not happen; the table was left unchanged
   * @throws CommitStateUnknownException the commit failed in a way that may or may not have left it
   *     in the table; a retry of the same run id finds out from the table's log and never promotes
   *     twice
   * @throws LineageNotRecordedException promoted, but the lineage append failed (a retry records
   *     it)
   */
  @SuppressWarnings("try") // the table's lock is held for the block, never referenced in it
  public PromotionResult commit() {
    if (committed) {
      throw new IllegalStateException("commit() called twice on the promotion of " + table.label());
    }
    committed = true;
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("no partitions to promote into " + table.label());
    }
    listener.beforePromotion(table, run.runId());
    PromotionHistory history = new PromotionHistory(spark, lineage);
    ConflictRetry conflicts =
        new ConflictRetry(MAX_ATTEMPTS, FIRST_RETRY_DELAY, MAX_RETRY_DELAY, new Random());
    PromotionResult result;
    try {
      result =
          conflicts.run(
              () -> {
                try (LakeLock lock =
                    LakeLock.acquire(
                        lake, table.name() + "-" + table.version(), run.runId(), lockTimeout)) {
                  return promoteUnderLock(history, lineage);
                }
              },
              (attempt, conflict, wait) ->
                  LOG.warn(
                      "gold: {} changed under the promotion of run {} ({}); deciding again"
                          + " against the new snapshot in {} ms",
                      table.label(),
                      run.runId(),
                      conflict.getClass().getSimpleName(),
                      wait.toMillis()));
    } catch (LockTimeoutException e) {
      throw new ConcurrentPromotionException(
          "another run is promoting "
              + table.label()
              + " concurrently: "
              + e.getMessage()
              + "; nothing of run "
              + run.runId()
              + " was promoted, retry it later",
          e);
    } catch (DeltaConcurrentModificationException e) {
      throw new ConcurrentPromotionException(
          "another run promoted "
              + table.label()
              + " concurrently "
              + conflicts.maxAttempts()
              + " times in a row ("
              + e.getClass().getSimpleName()
              + "); nothing of run "
              + run.runId()
              + " was promoted, retry it",
          e);
    }
    // Only a promotion known to have committed gives its staging up. On any failure, above or in
    // the attempt (CommitStateUnknownException above all: the commit may have landed), staging
    // stays for a retry and is removed only once expired.
    discardStaging();
    return result;
  }

  private PromotionResult promoteUnderLock(PromotionHistory history, GoldLineage lineage) {
    TableState state = TableState.read(spark, table.path());
    requireDeclaredColumns(state);
    String tableId = state.tableId();
    long before = state.version();
    PromotionHistory.Owners owners = history.owners(table, tableId, before, partitions.keySet());

    List<PartitionOutcome> outcomes = new ArrayList<>();
    List<StagedPartition> toPromote = new ArrayList<>();
    for (StagedPartition staged : partitions.values()) {
      PartitionOutcome outcome = decide(staged, owners.byPartition().get(staged.partitionKey()));
      outcomes.add(outcome);
      if (outcome.outcome() == PromotionOutcome.PROMOTED) {
        toPromote.add(staged);
      }
    }

    List<LineageRecord> toRecord = new ArrayList<>(owners.unrecorded());
    long committedVersion = -1;
    if (!toPromote.isEmpty()) {
      PromotionHistory.Commit commit = write(history, toPromote, before);
      committedVersion = commit.version();
      if (tableId == null) {
        // The commit created the table: its id is known from now on.
        tableId = TableState.read(spark, table.path()).tableId();
      }
      listener.committed(table, run.runId(), committedVersion);
      for (StagedPartition staged : toPromote) {
        toRecord.add(
            PromotionHistory.lineageRecord(
                table, tableId, commit, staged.partitionKey().toString(), staged.computedRows()));
      }
    }
    PromotionResult result =
        new PromotionResult(
            table.name(), table.version(), run.runId(), outcomes, before, committedVersion);
    for (PartitionOutcome outcome : outcomes) {
      LOG.info(
          "gold: {} {}: {}",
          table.partitionLabel(outcome.partitionKey()),
          outcome.outcome(),
          outcome.detail());
    }
    try {
      lineage.record(toRecord, run.runId(), lockTimeout);
    } catch (RuntimeException e) {
      throw new LineageNotRecordedException(
          table.label()
              + ": partitions "
              + result.promoted()
              + " of run "
              + run.runId()
              + " were promoted (Delta version "
              + committedVersion
              + ") but their lineage could not be"
              + " recorded in "
              + lineage.path()
              + ": "
              + e.getMessage()
              + ". The table content is final; run again"
              + " with the same run id to record the lineage (it adds no table version).",
          result,
          e);
    }
    return result;
  }

  private PartitionOutcome decide(StagedPartition staged, RunStart holder) {
    LocalDate key = staged.partitionKey();
    if (holder != null && holder.runId().equals(run.runId())) {
      return new PartitionOutcome(
          key,
          PromotionOutcome.ALREADY_PROMOTED,
          staged.computedRows(),
          run.runId(),
          "already holds the output of run " + run.runId() + "; nothing written");
    }
    if (holder != null && holder.isNewerThan(run)) {
      return new PartitionOutcome(
          key,
          PromotionOutcome.SUPERSEDED,
          staged.computedRows(),
          holder.runId(),
          "superseded: "
              + table.partitionLabel(key)
              + " holds the output of run "
              + holder
              + ", which started after run "
              + run
              + "; the newer output is kept and run "
              + run.runId()
              + "'s is not promoted");
    }
    return new PartitionOutcome(
        key,
        PromotionOutcome.PROMOTED,
        staged.computedRows(),
        run.runId(),
        holder == null
            ? "promoted (first output of the partition)"
            : "promoted over the output of run " + holder);
  }

  /**
   * Writes the partitions in one commit and returns that commit, found in the log by its promotion
   * id.
   */
  private PromotionHistory.Commit write(
      PromotionHistory history, List<StagedPartition> toPromote, long before) {
    List<LocalDate> keys = toPromote.stream().map(StagedPartition::partitionKey).toList();
    Map<String, Long> rows = new TreeMap<>();
    toPromote.forEach(p -> rows.put(p.partitionKey().toString(), p.computedRows()));
    PromotionCommitInfo info =
        new PromotionCommitInfo(
            UUID.randomUUID().toString(),
            run.runId(),
            run.startedAt().toString(),
            table.name(),
            table.version(),
            rows,
            inputVersions,
            runTables.isEmpty() ? List.of(table.name() + "/" + table.version()) : runTables);

    String[] paths = toPromote.stream().map(StagedPartition::path).toArray(String[]::new);
    Dataset<Row> staged = spark.read().schema(table.schema()).parquet(paths);
    String replaced = DeltaPartitionWriter.inDates(table.partitionColumn(), keys);
    try {
      if (before < 0) {
        CreatingCommit.commit(spark, table, staged, replaced, info.toJson(), maxRowsPerFile);
      } else {
        var writer =
            staged
                .write()
                .format("delta")
                .mode("overwrite")
                .option("replaceWhere", replaced)
                .option("userMetadata", info.toJson());
        if (maxRowsPerFile > 0) {
          writer = writer.option("maxRecordsPerFile", maxRowsPerFile);
        }
        writer.save(table.path());
      }
    } catch (DeltaConcurrentModificationException e) {
      throw e;
    } catch (Exception e) {
      // Delta writes nothing after a conflict, but any other failure may come after the commit file
      // was written: the table's log tells whether this promotion landed.
      Optional<PromotionHistory.Commit> landed = findAfterFailure(history, info, before, keys, e);
      if (landed.isEmpty()) {
        throw new PromotionFailedException(
            "promoting "
                + keys
                + " of run "
                + run.runId()
                + " into "
                + table.label()
                + " failed: "
                + e.getMessage()
                + "; the table was left unchanged",
            e);
      }
      LOG.warn(
          "gold: the write of run {} into {} reported {} after its commit landed as version {}",
          run.runId(),
          table.label(),
          e,
          landed.get().version());
      return landed.get();
    }
    Optional<PromotionHistory.Commit> found;
    try {
      found = history.find(table, info.promotionId(), before);
    } catch (Exception unreadable) {
      throw unknown(keys, "the write returned but the table's log cannot be read", unreadable);
    }
    return found.orElseThrow(
        () ->
            new PromotionFailedException(
                "the promotion commit of run "
                    + run.runId()
                    + " into "
                    + table.label()
                    + " is not in the table's log"
                    + " after the write"
                    + (emptyCommitsSkipped()
                        ? " (the session sets "
                            + LakehouseSession.SKIP_RECORDING_EMPTY_COMMITS
                            + " to true, which drops the"
                            + " commit of partitions that were and stay empty; set it to false)"
                        : "; retry the run with the same run id, which converges"),
                null));
  }

  private boolean emptyCommitsSkipped() {
    return Boolean.parseBoolean(
        spark.conf().get(LakehouseSession.SKIP_RECORDING_EMPTY_COMMITS, "true"));
  }

  /**
   * Whether the failed write's commit is in the log; if the log cannot be read either, nobody can
   * tell.
   */
  private Optional<PromotionHistory.Commit> findAfterFailure(
      PromotionHistory history,
      PromotionCommitInfo info,
      long before,
      List<LocalDate> keys,
      Exception failure) {
    try {
      return history.find(table, info.promotionId(), before);
    } catch (Exception unreadable) {
      CommitStateUnknownException unknown =
          unknown(
              keys,
              "the write failed ("
                  + failure.getMessage()
                  + ") and the table's log cannot be read to tell whether its commit landed",
              unreadable);
      unknown.addSuppressed(failure);
      throw unknown;
    }
  }

  private CommitStateUnknownException unknown(List<LocalDate> keys, String why, Throwable cause) {
    return new CommitStateUnknownException(
        "cannot tell whether "
            + keys
            + " of run "
            + run.runId()
            + " were"
            + " promoted into "
            + table.label()
            + ": "
            + why
            + " ("
            + cause.getMessage()
            + "); run again with --run-id "
            + run.runId()
            + " to resolve: the retry finds its own commit in the table's log and promotes nothing twice",
        cause);
  }

  /**
   * An existing table must have the declared columns; a missing one is created by the first
   * promotion's commit ({@link CreatingCommit}).
   */
  private void requireDeclaredColumns(TableState state) {
    if (!state.exists()) {
      return;
    }
    StructType existing = state.schema();
    if (!describe(existing).equals(describe(table.schema()))) {
      throw new PromotionFailedException(
          table.path()
              + " has columns ["
              + describe(existing)
              + "] but "
              + table.label()
              + " is ["
              + describe(table.schema())
              + "]; a change of columns needs a new table version"
              + " (lakehouse.gold.*-version); the table was left unchanged",
          null);
    }
  }

  private static String describe(StructType schema) {
    return Arrays.stream(schema.fields())
        .map(f -> f.name() + ": " + f.dataType().simpleString())
        .collect(Collectors.joining(", "));
  }

  /**
   * Staging is the run's own and no longer needed; a failure here only delays its removal to
   * cleanup.
   */
  private void discardStaging() {
    try {
      new StagingJanitor(lake, spark.sparkContext().hadoopConfiguration())
          .discard(partitions.values());
    } catch (RuntimeException e) {
      LOG.warn(
          "gold: cannot remove the staging of run {} for {} ({}); cleanup will remove it",
          run.runId(),
          table.label(),
          e.getMessage());
    }
  }
}
