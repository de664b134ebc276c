package lakehouse.silver.table;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.objects.AssertNotNull;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Brings rows to a table's declared schema: its columns, in its order, of its types, and
 * non-nullable where it says so. A column that Spark cannot prove non-null (an aggregate such as
 * max, a column read back from a table) is checked row by row instead, so a null fails the job
 * rather than being written.
 */
public final class SchemaConformance {
  private SchemaConformance() {}

  public static Dataset<Row> conform(Dataset<Row> rows, StructType schema) {
    StructType actual = rows.schema();
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      StructField source = actual.apply(field.name());
      Column column = col(field.name());
      if (!source.dataType().equals(field.dataType())) {
        column = column.cast(field.dataType());
      }
      if (!field.nullable() && source.nullable()) {
        column = requireNonNull(column, field.name());
      }
      columns.add(column.as(field.name()));
    }
    Dataset<Row> conformed = rows.select(columns.toArray(Column[]::new));
    if (!conformed.schema().equals(schema)) {
      throw new IllegalStateException(
          "rows do not fit the declared schema: expected "
              + schema.simpleString()
              + ", got "
              + conformed.schema().simpleString());
    }
    return conformed;
  }

  /** Spark's own null check for non-nullable fields (the one its encoders use): fails on a null. */
  private static Column requireNonNull(Column column, String name) {
    List<String> path = List.of("column " + name);
    return new Column(new AssertNotNull(column.expr(), JavaConverters.asScalaBuffer(path).toSeq()));
  }
}
