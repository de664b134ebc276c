package lakehouse.gold.status;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.delta.DeltaCommitLog;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.lake.TableLayer;
import lakehouse.shared.tables.SilverEvents;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What {@code status} shows: every partition of every data table, with the run and time of the
 * commit that last changed it and whether it is stale (see {@link Staleness}). Gold tables are
 * shown at the configured feature version and at every other version found in the lake.
 */
public final class LakeStatus {
  private final SparkSession spark;
  private final LakeLayout lake;
  private final GoldSettings gold;
  private final TableCatalog catalog;

  public LakeStatus(SparkSession spark, LakeLayout lake, GoldSettings gold) {
    this.spark = spark;
    this.lake = lake;
    this.gold = gold;
    this.catalog = new TableCatalog(lake);
  }

  /**
   * The partitions in the range, table by table in the catalog's order, each table's in key order.
   */
  public List<PartitionStatus> partitions(PartitionRange range) throws IOException {
    TablePartitions partitions = new TablePartitions(spark, range);
    InputChanges changes = new InputChanges();
    CatalogTable silverEvents = catalog.silverEvents();
    List<PartitionStatus> statuses = new ArrayList<>();
    for (CatalogTable table : catalog.dataTables(gold)) {
      if (table.layer() == TableLayer.GOLD) {
        statuses.addAll(gold(partitions, changes, table));
      } else if (table.layer() == TableLayer.SILVER && table.version().isPresent()) {
        statuses.addAll(featureGroup(partitions, table, silverEvents));
      } else {
        partitions
            .of(table.path(), partitionColumn(table))
            .values()
            .forEach(p -> statuses.add(p.status(table.location(), null)));
      }
    }
    return statuses;
  }

  private List<PartitionStatus> featureGroup(
      TablePartitions partitions, CatalogTable group, CatalogTable events) {
    Map<String, TablePartition> inputs = partitions.of(events.path(), partitionColumn(events));
    List<PartitionStatus> statuses = new ArrayList<>();
    for (TablePartition p : partitions.of(group.path(), partitionColumn(group)).values()) {
      String stale =
          Staleness.featureGroup(p, Optional.ofNullable(inputs.get(p.key())), events.location())
              .orElse(null);
      statuses.add(p.status(group.location(), stale));
    }
    return statuses;
  }

  private List<PartitionStatus> gold(
      TablePartitions partitions, InputChanges changes, CatalogTable configured)
      throws IOException {
    String configuredVersion = configured.version().orElseThrow();
    List<PartitionStatus> statuses = new ArrayList<>();
    for (String version : goldVersions(configured.name(), configuredVersion)) {
      CatalogTable table = catalog.goldTable(configured.name(), version);
      Map<String, LineageRecord> lineage = new HashMap<>();
      for (LineageRecord record : new GoldLineage(spark, lake).records(table.name(), version)) {
        lineage.merge(
            record.partitionKey(), record, (a, b) -> a.deltaVersion() >= b.deltaVersion() ? a : b);
      }
      for (TablePartition p : partitions.of(table.path(), partitionColumn(table)).values()) {
        Optional<String> stale = Staleness.otherVersion(version, configuredVersion);
        if (stale.isEmpty()) {
          stale =
              Staleness.inputsChanged(
                  Optional.ofNullable(lineage.get(p.key())),
                  table.name(),
                  LocalDate.parse(p.key()),
                  changes);
        }
        statuses.add(p.status(table.location(), stale.orElse(null)));
      }
    }
    return statuses;
  }

  /** The configured version first, then any other version folder of the table found in the lake. */
  private List<String> goldVersions(String name, String configured) throws IOException {
    List<String> versions = new ArrayList<>(List.of(configured));
    Path folder = new Path(lake.resolve("gold/" + name));
    FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(folder)) {
      for (FileStatus status : fs.listStatus(folder)) {
        String version = status.getPath().getName();
        if (status.isDirectory() && !versions.contains(version)) {
          versions.add(version);
        }
      }
    }
    return versions;
  }

  private static String partitionColumn(CatalogTable table) {
    return table.partitionColumn().orElseThrow();
  }

  /** The silver inputs' commit logs, each read once by a status, whatever the gold tables. */
  private final class InputChanges implements Staleness.InputChanges {
    private final Map<String, Dataset<Row>> logs = new HashMap<>();

    @Override
    public List<String> changedAfter(String input, long version, List<String> dates) {
      String path = lake.resolve(input);
      if (!DeltaPartitionWriter.exists(spark, path)) {
        return List.of();
      }
      Dataset<Row> log =
          logs.computeIfAbsent(
              path, p -> DeltaCommitLog.fileActions(spark, p, SilverEvents.EVENT_DATE).cache());
      return log
          .where(
              col(DeltaCommitLog.VERSION)
                  .gt(version)
                  .and(col(DeltaCommitLog.PARTITION).isin(dates.toArray())))
          .select(DeltaCommitLog.PARTITION)
          .distinct()
          .orderBy(DeltaCommitLog.PARTITION)
          .collectAsList()
          .stream()
          .map(row -> row.getString(0))
          .toList();
    }
  }
}
