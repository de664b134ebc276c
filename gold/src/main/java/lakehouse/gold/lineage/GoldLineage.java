package lakehouse.gold.lineage;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lock.LakeLock;
import lakehouse.shared.tables.Lineage;
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
    List<LineageRecord> records = new ArrayList<>();
    DeltaPartitionWriter.read(spark, path)
        .ifPresent(
            rows -> {
              for (Row row :
                  rows.where(col(TABLE).equalTo(table).and(col(VERSION).equalTo(version)))
                      .orderBy(DELTA_VERSION, PARTITION_KEY)
                      .collectAsList()) {
                records.add(fromRow(row));
              }
            });
    return records;
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
      frame.write().format("delta").mode("append").save(path);
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
