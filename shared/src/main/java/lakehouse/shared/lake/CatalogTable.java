package lakehouse.shared.lake;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * One table of the lake as the {@link TableCatalog} describes it: every fact a layer or a command
 * needs about a table, so that none of them keeps its own list.
 *
 * @param version the feature version of a versioned table (silver feature groups, gold tables)
 * @param location where the table lives relative to the lake root; how {@code status} and {@code
 *     cleanup} name it
 * @param path where the table lives
 * @param partitionColumn the column the table is partitioned by; empty for a table small enough not
 *     to be
 * @param keyColumn the column whose values are unique within one partition, when the table has one
 * @param vacuumed whether {@code cleanup} removes the files no version Delta keeps still needs
 * @param statisticsColumns the columns whose per-file minimum and maximum Delta records, set when a
 *     write creates the table; empty for Delta's default, the first 32 columns. Statistics of
 *     values that span every file (event ids, tokens) never let a reader skip a file, yet
 *     collecting them costs a large part of a big table's writes.
 */
public record CatalogTable(
    String name,
    TableLayer layer,
    Optional<String> version,
    String location,
    String path,
    StructType schema,
    Optional<String> partitionColumn,
    Optional<String> keyColumn,
    TableRetention retention,
    boolean vacuumed,
    List<String> statisticsColumns) {

  public CatalogTable {
    statisticsColumns = List.copyOf(statisticsColumns);
    for (String column : statisticsColumns) {
      if (schema.getFieldIndex(column).isEmpty()) {
        throw new IllegalArgumentException(
            location + ": statistics column " + column + " not in schema");
      }
    }
    if (partitionColumn.isPresent() && schema.getFieldIndex(partitionColumn.get()).isEmpty()) {
      throw new IllegalArgumentException(
          location + ": partition column " + partitionColumn.get() + " not in schema");
    }
  }
}
