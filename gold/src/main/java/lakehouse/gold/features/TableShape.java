package lakehouse.gold.features;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Puts computed columns in a table's declared order and types, so every writer sees the same
 * layout.
 */
final class TableShape {
  private TableShape() {}

  static Dataset<Row> conform(Dataset<Row> rows, StructType schema) {
    Column[] columns =
        Arrays.stream(schema.fields())
            .map(field -> functions.col(field.name()).cast(field.dataType()).as(field.name()))
            .toArray(Column[]::new);
    return rows.select(columns);
  }
}
