package lakehouse.gold.table;

import java.time.LocalDate;
import java.util.Optional;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import org.apache.spark.sql.types.StructType;

/**
 * One gold table at one version: where it lives, its declared schema, the column it is partitioned
 * by and the column that must be unique within a partition, as the lake's catalog declares them.
 * Staging, checks, promotion and lineage all take their facts about a table from here.
 *
 * @param keyColumn the column whose values are unique within one partition
 */
public record GoldTable(
    String name,
    String version,
    String path,
    StructType schema,
    String partitionColumn,
    String keyColumn) {

  /** The folder of a table's staging where runs write before moving partitions into place. */
  public static final String WRITING = "_writing";

  /** The catalog's gold table; every gold table is versioned, partitioned and keyed. */
  public static GoldTable of(CatalogTable table) {
    return new GoldTable(
        table.name(),
        required(table, table.version(), "version"),
        table.path(),
        table.schema(),
        required(table, table.partitionColumn(), "partition column"),
        required(table, table.keyColumn(), "key column"));
  }

  public static GoldTable userFeatures(LakeLayout lake, String version) {
    return of(new TableCatalog(lake).userFeatures(version));
  }

  public static GoldTable campaignDaily(LakeLayout lake, String version) {
    return of(new TableCatalog(lake).campaignDaily(version));
  }

  private static String required(CatalogTable table, Optional<String> fact, String what) {
    return fact.orElseThrow(
        () -> new IllegalArgumentException(table.location() + " has no " + what));
  }

  /** Where a run stages one partition of this table. */
  public String stagedPartition(LakeLayout lake, LocalDate partitionKey, String runId) {
    return lake.stagedPartition(name, version, partitionKey.toString(), runId);
  }

  /**
   * Where a run writes all its partitions of this table at once, before each is moved to its {@link
   * #stagedPartition} path: {@code _staging/<table>/<version>/_writing/run_id=<run id>}.
   */
  public String stagingWrite(LakeLayout lake, String runId) {
    return lake.staging() + "/" + name + "/" + version + "/" + WRITING + "/run_id=" + runId;
  }

  /** How messages name the table: {@code user_features v1}. */
  public String label() {
    return name + " " + version;
  }

  /** How messages name one partition: {@code user_features v1 partition as_of_date=2026-11-23}. */
  public String partitionLabel(LocalDate partitionKey) {
    return label() + " partition " + partitionColumn + "=" + partitionKey;
  }
}
