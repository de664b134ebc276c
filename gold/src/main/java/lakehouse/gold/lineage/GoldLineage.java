package lakehouse.gold.lineage;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lock.LakeLock;
import lakehouse.shared.tables.Lineage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The lineage of gold partitions: a small Delta table at {@code gold/_lineage} with one row per
 * promoted partition per promotion, appended after each promotion commit. It is an index of what
 * every promotion commit also carries in its userMetadata (which is atomic with the data); the
 * index outlives Delta's log retention, which the commit history does not.
 */
public final class GoldLineage {
  public static final String TABLE = Lineage.TABLE;
  public static final String VERSION = Lineage.VERSION;
  public static final String PARTITION_KEY = Lineage.PARTITION_KEY;
  public static final String RUN_ID = Lineage.RUN_ID;
  public static final String RUN_STARTED_AT = Lineage.RUN_STARTED_AT;
  public static final String PROMOTED_AT = Lineage.PROMOTED_AT;
  public static final String DELTA_TABLE_ID = Lineage.DELTA_TABLE_ID;
  public static final String DELTA_VERSION = Lineage.DELTA_VERSION;
  public static final String ROW_COUNT = Lineage.ROW_COUNT;
  public static final String INPUT_VERSIONS = Lineage.INPUT_VERSIONS;
  public static final String PROMOTION_ID = Lineage.PROMOTION_ID;

  public static final StructType SCHEMA = Lineage.SCHEMA;

  private static final String LOCK_NAME = "gold-lineage";

  private final SparkSession spark;
  private final LakeLayout lake;
  private final String path;

  /** What {@link #prefetch} read, kept up to date with this object's own appends. */
  private volatile LineageView view;

  public GoldLineage(SparkSession spark, LakeLayout lake) {
    this.spark = spark;
    this.lake = lake;
    this.path = lake.goldLineage();
  }

  public String path() {
    return path;
  }

  /** Every record of one gold table (all promotions, oldest first). */
  public List<LineageRecord> records(String table, String version) {
    long current = DeltaLogTail.latestVersion(spark, path);
    return current < 0
        ? List.of()
        : read(current, col(TABLE).equalTo(table).and(col(VERSION).equalTo(version)));
  }

  /**
   * The records of some partitions of one gold table (all their promotions, oldest first). Reads
   * only the lineage files that can hold them (Delta skips the others by their statistics), so the
   * cost follows the partitions asked for, not the lineage's age.
   */
  public List<LineageRecord> records(
      String table, String version, Collection<String> partitionKeys) {
    return records(LineageInterest.of(table, version, partitionKeys, List.of()));
  }

  /**
   * The records one interest wants, oldest first: from what {@link #prefetch} read when the lineage
   * has not changed since but by this object's own appends, otherwise read like {@link
   * #records(String, String, Collection)}.
   */
  public List<LineageRecord> records(LineageInterest interest) {
    if (interest.isEmpty()) {
      return List.of();
    }
    long current = DeltaLogTail.latestVersion(spark, path);
    LineageView known = view;
    if (known != null && known.lineageVersion() == current && known.covers(interest)) {
      return known.select(interest);
    }
    return current < 0 ? List.of() : read(current, selecting(List.of(interest)));
  }

  /** Whether {@link #records(LineageInterest)} would answer each interest without a read. */
  public boolean knows(List<LineageInterest> interests) {
    LineageView known = view;
    return known != null
        && known.lineageVersion() == DeltaLogTail.latestVersion(spark, path)
        && interests.stream().filter(i -> !i.isEmpty()).allMatch(known::covers);
  }

  /**
   * Reads, in one query, every record the interests want, and keeps them to answer later questions
   * within them: a run asks about the same few partitions several times (planning, then each
   * table's promotion), and each read of the table is a few Spark jobs.
   */
  public void prefetch(List<LineageInterest> interests) {
    List<LineageInterest> wanted = interests.stream().filter(i -> !i.isEmpty()).toList();
    long current = DeltaLogTail.latestVersion(spark, path);
    List<LineageRecord> records =
        current < 0 || wanted.isEmpty() ? List.of() : read(current, selecting(wanted));
    view = new LineageView(current, wanted, records);
  }

  private static Column selecting(List<LineageInterest> interests) {
    Column any = null;
    for (LineageInterest interest : interests) {
      Column wanted =
          col(TABLE)
              .equalTo(interest.table())
              .and(col(VERSION).equalTo(interest.version()))
              .and(
                  col(PARTITION_KEY)
                      .isin(interest.partitionKeys().toArray())
                      .or(col(PROMOTION_ID).isin(interest.promotionIds().toArray())));
      any = any == null ? wanted : any.or(wanted);
    }
    return any;
  }

  /** The selected records at the lineage version, oldest first. */
  private List<LineageRecord> read(long version, Column selected) {
    List<LineageRecord> records = new ArrayList<>();
    for (Row row :
        spark
            .read()
            .format("delta")
            .option("versionAsOf", version)
            .load(path)
            .where(selected)
            .collectAsList()) {
      records.add(fromRow(row));
    }
    // Sorted here rather than by Spark: a sort of a few rows would cost Spark jobs of its own.
    return LineageView.sorted(records);
  }

  /**
   * The latest promotion of each partition of the current incarnation of a gold table (the Delta
   * table id of its most recent promotion): what {@code status} shows and compares with silver's
   * versions.
   */
  public Map<String, LineageRecord> latest(String table, String version) {
    List<LineageRecord> records = records(table, version);
    if (records.isEmpty()) {
      return Map.of();
    }
    String currentTableId = records.get(records.size() - 1).deltaTableId();
    return new java.util.TreeMap<>(snapshot(table, version, currentTableId).latestByPartition());
  }

  /** The latest promotion of each partition of the gold table with the given Delta table id. */
  public LineageSnapshot snapshot(String table, String version, String deltaTableId) {
    Map<String, LineageRecord> latest = new HashMap<>();
    long lastVersion = -1;
    for (LineageRecord record : records(table, version)) {
      if (!record.deltaTableId().equals(deltaTableId)) {
        continue;
      }
      lastVersion = Math.max(lastVersion, record.deltaVersion());
      LineageRecord previous = latest.get(record.partitionKey());
      if (previous == null || previous.deltaVersion() <= record.deltaVersion()) {
        latest.put(record.partitionKey(), record);
      }
    }
    return new LineageSnapshot(latest, lastVersion);
  }

  /**
   * Appends records in one commit. Takes the lake's lineage lock, since every gold table's
   * promotions append here and a local lake's log store does not keep commits of two JVMs apart.
   */
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public void record(Collection<LineageRecord> records, String holder, Duration lockTimeout) {
    if (records.isEmpty()) {
      return;
    }
    List<Row> rows = records.stream().map(GoldLineage::toRow).toList();
    Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA);
    try (LakeLock lock = LakeLock.acquire(lake, LOCK_NAME, holder, lockTimeout)) {
      long before = DeltaLogTail.latestVersion(spark, path);
      frame.write().format("delta").mode("append").save(path);
      long after = DeltaLogTail.latestVersion(spark, path);
      // What was known stays known, with these records, when this append is the only commit in
      // between (the lock makes it so on a local lake; elsewhere the versions tell).
      LineageView known = view;
      view =
          known != null && known.lineageVersion() == before && after == before + 1
              ? known.plus(records, after)
              : null;
    } catch (RuntimeException e) {
      view = null;
      throw e;
    }
  }

  private static Row toRow(LineageRecord record) {
    return RowFactory.create(
        record.table(),
        record.version(),
        record.partitionKey(),
        record.runId(),
        Timestamp.from(record.runStartedAt()),
        Timestamp.from(record.promotedAt()),
        record.deltaTableId(),
        record.deltaVersion(),
        record.rowCount(),
        new HashMap<>(record.inputVersions()),
        record.promotionId());
  }

  private static LineageRecord fromRow(Row row) {
    Map<String, Long> inputs =
        new HashMap<>(row.<String, Long>getJavaMap(row.fieldIndex(INPUT_VERSIONS)));
    return new LineageRecord(
        row.getAs(TABLE),
        row.getAs(VERSION),
        row.getAs(PARTITION_KEY),
        row.getAs(RUN_ID),
        row.<Timestamp>getAs(RUN_STARTED_AT).toInstant(),
        row.<Timestamp>getAs(PROMOTED_AT).toInstant(),
        row.getAs(DELTA_TABLE_ID),
        row.<Long>getAs(DELTA_VERSION),
        row.<Long>getAs(ROW_COUNT),
        inputs,
        row.getAs(PROMOTION_ID));
  }
}
