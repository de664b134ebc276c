package lakehouse.gold.promotion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageInterest;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.gold.table.GoldTable;
import org.apache.spark.sql.SparkSession;

/**
 * Which run each partition of a gold table holds: the lineage table, plus the promotion commits
 * made after the last one it recorded (their run died between commit and lineage). Those commits
 * are returned too, so the next lineage append records them.
 *
 * <p>Both are read in a bounded way, so a promotion costs the same on a table with a long history:
 * the lineage of the promoted partitions only, and the table's last few commits, found in the log
 * on the driver. Lineage is appended right after each promotion commit, so the newest recorded
 * promotion is normally the table's last commit; the look-back widens only when it is not (runs
 * that died after their commit, or commits of other writers).
 */
final class PromotionHistory {
  /** Commits looked at first, back from the table's version; widened fourfold while needed. */
  private static final int FIRST_LOOK_BACK = 8;

  private final SparkSession spark;
  private final GoldLineage lineage;

  PromotionHistory(SparkSession spark, GoldLineage lineage) {
    this.spark = spark;
    this.lineage = lineage;
  }

  /** A commit found in the table's log. */
  record Commit(long version, Instant timestamp, PromotionCommitInfo info) {}

  /** Who holds each partition, and the promotion commits lineage has not recorded yet. */
  record Owners(Map<LocalDate, RunStart> byPartition, List<LineageRecord> unrecorded) {}

  /**
   * Who holds the given partitions of the table at its current version.
   *
   * @param tableId Delta's id of the table; null when the table does not exist yet
   */
  Owners owners(
      GoldTable table, String tableId, long currentVersion, Collection<LocalDate> partitions) {
    if (tableId == null || currentVersion < 0) {
      return new Owners(Map.of(), List.of());
    }
    for (long lookBack = FIRST_LOOK_BACK; ; lookBack *= 4) {
      long from = Math.max(0, currentVersion - lookBack + 1);
      List<Commit> recent = promotionCommits(table, from, currentVersion);
      List<LineageRecord> records =
          lineage.records(interest(table, partitions, recent)).stream()
              .filter(r -> r.deltaTableId().equals(tableId))
              .toList();
      long lastRecorded = records.stream().mapToLong(LineageRecord::deltaVersion).max().orElse(-1);
      // Every record newer than the look-back's start is among those read (its promotion id is one
      // of the recent commits'), so the newest recorded version is known once it falls inside the
      // look-back, or the look-back covers the whole log.
      if (lastRecorded >= from - 1 || from == 0) {
        return owners(table, tableId, records, recent, lastRecorded);
      }
    }
  }

  /**
   * What {@link #owners} first asks lineage about the partitions, at the table's current version:
   * to read it beforehand, together with other questions.
   */
  LineageInterest interest(GoldTable table, Collection<LocalDate> partitions) {
    long current = currentVersion(table);
    List<Commit> recent =
        current < 0
            ? List.of()
            : promotionCommits(table, Math.max(0, current - FIRST_LOOK_BACK + 1), current);
    return interest(table, partitions, recent);
  }

  private static LineageInterest interest(
      GoldTable table, Collection<LocalDate> partitions, List<Commit> recent) {
    Set<String> recentIds = new HashSet<>();
    recent.forEach(c -> recentIds.add(c.info().promotionId()));
    return LineageInterest.of(
        table.name(),
        table.version(),
        partitions.stream().map(LocalDate::toString).toList(),
        recentIds);
  }

  private static Owners owners(
      GoldTable table,
      String tableId,
      List<LineageRecord> records,
      List<Commit> recent,
      long lastRecorded) {
    Map<LocalDate, RunStart> owners = new HashMap<>();
    Map<String, LineageRecord> latest = new HashMap<>();
    for (LineageRecord record : records) {
      latest.merge(
          record.partitionKey(), record, (a, b) -> b.deltaVersion() >= a.deltaVersion() ? b : a);
    }
    latest.forEach(
        (key, record) ->
            owners.put(LocalDate.parse(key), new RunStart(record.runId(), record.runStartedAt())));
    List<LineageRecord> unrecorded = new ArrayList<>();
    for (Commit commit : recent) {
      if (commit.version() <= lastRecorded) {
        continue;
      }
      PromotionCommitInfo info = commit.info();
      RunStart run = new RunStart(info.runId(), Instant.parse(info.runStartedAt()));
      info.partitions()
          .forEach(
              (key, rows) -> {
                owners.put(LocalDate.parse(key), run);
                unrecorded.add(lineageRecord(table, tableId, commit, key, rows));
              });
    }
    return new Owners(owners, unrecorded);
  }

  /**
   * The commit carrying the promotion id, searched among the versions after {@code afterVersion}.
   */
  Optional<Commit> find(GoldTable table, String promotionId, long afterVersion) {
    long current = currentVersion(table);
    return promotionCommits(table, afterVersion + 1, current).stream()
        .filter(c -> c.info().promotionId().equals(promotionId))
        .findFirst();
  }

  static LineageRecord lineageRecord(
      GoldTable table, String tableId, Commit commit, String key, long rows) {
    PromotionCommitInfo info = commit.info();
    return new LineageRecord(
        table.name(),
        table.version(),
        key,
        info.runId(),
        Instant.parse(info.runStartedAt()),
        commit.timestamp(),
        tableId,
        commit.version(),
        rows,
        info.inputVersions(),
        info.promotionId());
  }

  long currentVersion(GoldTable table) {
    return TableState.read(spark, table.path()).version();
  }

  /** Gold promotion commits of the table with versions in [from, to], oldest first. */
  private List<Commit> promotionCommits(GoldTable table, long from, long to) {
    List<Commit> commits = new ArrayList<>();
    for (DeltaLogTail.Commit commit :
        DeltaLogTail.commits(spark, table.path(), table.partitionColumn(), from, to)) {
      commit
          .userMetadata()
          .flatMap(PromotionCommitInfo::parse)
          .filter(
              info -> info.table().equals(table.name()) && info.version().equals(table.version()))
          .ifPresent(info -> commits.add(new Commit(commit.version(), commit.timestamp(), info)));
    }
    return commits;
  }
}
