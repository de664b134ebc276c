package lakehouse.silver.table;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.CatalogTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table of silver with its declared schema. The table is created from the schema before its
 * first write (a plain DataFrame write would store every column as nullable), so the table keeps
 * the declared column order and nullability and Delta refuses a null in a non-nullable column.
 * Every write conforms its rows to the schema and is one Delta commit.
 */
public record DeclaredTable(
    String path, StructType schema, String partitionColumn, List<String> statisticsColumns) {

  static final String STATISTICS_COLUMNS_PROPERTY = "delta.dataSkippingStatsColumns";

  /** The catalog's table; silver partitions every table it writes. */
  public static DeclaredTable of(CatalogTable table) {
    return new DeclaredTable(
        table.path(),
        table.schema(),
        table
            .partitionColumn()
            .orElseThrow(
                () -> new IllegalArgumentException(table.location() + " is not partitioned")),
        table.statisticsColumns());
  }

  public boolean exists(SparkSession spark) {
    return DeltaPartitionWriter.exists(spark, path);
  }

  /** Latest Delta version, -1 when the table does not exist yet; read on the driver. */
  public long version(SparkSession spark) {
    return DeltaVersions.latest(spark, path);
  }

  /** The table as of a version, so that repeated reads within a run see the same rows. */
  public Dataset<Row> readAsOf(SparkSession spark, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /** The latest rows, or no rows (with the declared schema) when the table does not exist yet. */
  public Dataset<Row> read(SparkSession spark) {
    return exists(spark) ? spark.read().format("delta").load(path) : empty(spark);
  }

  public Dataset<Row> empty(SparkSession spark) {
    return spark.createDataFrame(List.of(), schema);
  }

  /** Appends the rows in one commit; returns the version it created. */
  public long append(SparkSession spark, Dataset<Row> rows) {
    createIfMissing(spark);
    DeltaPartitionWriter.append(SchemaConformance.conform(rows, schema), path, partitionColumn);
    return DeltaVersions.lastCommitted(spark, path);
  }

  /** Replaces exactly the given date partitions, in one commit; returns the version it created. */
  public long replaceDates(SparkSession spark, Dataset<Row> rows, Collection<LocalDate> dates) {
    createIfMissing(spark);
    DeltaPartitionWriter.replaceDatePartitions(
        SchemaConformance.conform(rows, schema), path, partitionColumn, dates);
    return DeltaVersions.lastCommitted(spark, path);
  }

  /**
   * Replaces the rows matching a predicate with the given rows, in one commit; rows outside the
   * predicate fail the commit. Writing the same rows again leaves the table as it was. Returns the
   * version it created.
   */
  public long replaceWhere(SparkSession spark, Dataset<Row> rows, String predicate) {
    createIfMissing(spark);
    SchemaConformance.conform(rows, schema)
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", predicate)
        .partitionBy(partitionColumn)
        .save(path);
    return DeltaVersions.lastCommitted(spark, path);
  }

  private void createIfMissing(SparkSession spark) {
    if (!exists(spark)) {
      DeltaTableBuilder builder =
          DeltaTable.createIfNotExists(spark)
              .location(path)
              .addColumns(schema)
              .partitionedBy(partitionColumn);
      if (!statisticsColumns.isEmpty()) {
        // A table property: a table created before it was declared keeps statistics of every
        // column until it is set there (ALTER TABLE ... SET TBLPROPERTIES).
        builder =
            builder.property(STATISTICS_COLUMNS_PROPERTY, String.join(",", statisticsColumns));
      }
      builder.execute();
    }
  }
}
