package lakehouse.gold.promotion;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.gold.lineage.LineageSnapshot;
import lakehouse.gold.table.GoldTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which run each partition of a gold table holds: the lineage table, plus the promotion commits
 * made after the last one it recorded (their run died between commit and lineage). Those commits
 * are returned too, so the next lineage append records them.
 */
final class PromotionHistory {
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

  Owners owners(GoldTable table, String tableId, long currentVersion) {
    LineageSnapshot snapshot = lineage.snapshot(table.name(), table.version(), tableId);
    Map<LocalDate, RunStart> owners = new HashMap<>();
    snapshot
        .latestByPartition()
        .forEach(
            (key, record) ->
                owners.put(
                    LocalDate.parse(key), new RunStart(record.runId(), record.runStartedAt())));
    List<LineageRecord> unrecorded = new ArrayList<>();
    for (Commit commit : commitsAfter(table, snapshot.lastRecordedDeltaVersion(), currentVersion)) {
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
    return commitsAfter(table, afterVersion, current).stream()
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

  /** Gold promotion commits with versions in (afterVersion, currentVersion], oldest first. */
  private List<Commit> commitsAfter(GoldTable table, long afterVersion, long currentVersion) {
    List<Commit> commits = new ArrayList<>();
    if (currentVersion <= afterVersion) {
      return commits;
    }
    int count = (int) Math.min(Integer.MAX_VALUE, currentVersion - afterVersion);
    List<Row> rows =
        DeltaTable.forPath(spark, table.path())
            .history(count)
            .where(col("version").gt(afterVersion).and(col("userMetadata").isNotNull()))
            .select("version", "timestamp", "userMetadata")
            .orderBy("version")
            .collectAsList();
    for (Row row : rows) {
      PromotionCommitInfo.parse(row.getString(2))
          .filter(
              info -> info.table().equals(table.name()) && info.version().equals(table.version()))
          .ifPresent(
              info ->
                  commits.add(
                      new Commit(row.getLong(0), row.<Timestamp>getAs(1).toInstant(), info)));
    }
    return commits;
  }
}
