package lakehouse.golden;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The form in which table contents are compared and written: key columns first, then the others in
 * the table's order; timestamps as ISO-8601 UTC strings with milliseconds (landing event times are
 * milliseconds), dates as {@code YYYY-MM-DD}; one JSON object per row, every column present (nulls
 * too), rows sorted by key then by every other column. Pure transformations, so writing the same
 * rows twice gives the same bytes.
 */
public final class CanonicalRows {
  /** Rendered in the session time zone, which the lakehouse and its tests fix to UTC. */
  public static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

  private CanonicalRows() {}

  /** Timestamps and dates as strings, key columns first. */
  public static Dataset<Row> render(Dataset<Row> rows, List<String> key) {
    List<Column> columns = new ArrayList<>();
    for (String name : ordered(rows.schema(), key)) {
      StructField field = rows.schema().apply(name);
      if (field.dataType().equals(DataTypes.TimestampType)) {
        columns.add(date_format(col(name), TIMESTAMP_FORMAT).as(name));
      } else if (field.dataType().equals(DataTypes.DateType)) {
        columns.add(col(name).cast(DataTypes.StringType).as(name));
      } else {
        columns.add(col(name));
      }
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** The JSON lines of rendered rows, sorted by key, then by every other column. */
  public static List<String> jsonLines(Dataset<Row> rendered, List<String> key) {
    List<Column> order = new ArrayList<>();
    for (String name : ordered(rendered.schema(), key)) {
      order.add(col(name).asc_nulls_first());
    }
    Column[] all =
        java.util.Arrays.stream(rendered.columns()).map(name -> col(name)).toArray(Column[]::new);
    return rendered
        .orderBy(order.toArray(Column[]::new))
        .select(to_json(struct(all), Map.of("ignoreNullFields", "false")))
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  /**
   * The same schema with every field nullable: expected rows read from JSON are nullable
   * throughout.
   */
  public static StructType nullable(StructType schema) {
    StructType relaxed = new StructType();
    for (StructField field : schema.fields()) {
      relaxed = relaxed.add(field.name(), nullableType(field.dataType()), true);
    }
    return relaxed;
  }

  private static org.apache.spark.sql.types.DataType nullableType(
      org.apache.spark.sql.types.DataType type) {
    if (type instanceof org.apache.spark.sql.types.ArrayType array) {
      return DataTypes.createArrayType(nullableType(array.elementType()), true);
    }
    if (type instanceof StructType struct) {
      return nullable(struct);
    }
    return type;
  }

  private static List<String> ordered(StructType schema, List<String> key) {
    List<String> names = new ArrayList<>(key);
    for (String name : schema.fieldNames()) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
