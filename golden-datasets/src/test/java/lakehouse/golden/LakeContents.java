package lakehouse.golden;

import java.nio.file.Path;
import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Something of the lake a scenario compares with its expected file: a table, or the run reports.
 * The expected file holds one JSON object per row; by default exactly the rows as {@link
 * CanonicalRows} renders them.
 */
public interface LakeContents {

  /** The expected file's name, without {@code .jsonl}. */
  String name();

  /** The columns that identify a row; the expected file is sorted by them. */
  List<String> key();

  /** The rows as they are compared: rendered by {@link CanonicalRows}, key columns first. */
  Dataset<Row> actual(SparkSession spark, LakeLayout lake);

  /** The schema the expected file is read with: the compared rows' schema, every field nullable. */
  StructType comparedSchema(SparkSession spark);

  /**
   * The expected file's lines for these rows (of {@link #actual}), sorted, byte for byte
   * reproducible.
   */
  default List<String> expectedLines(Dataset<Row> rows) {
    return CanonicalRows.jsonLines(rows, key());
  }

  /**
   * Reads an expected file; a value that does not fit the schema fails the read rather than
   * becoming null.
   */
  default Dataset<Row> readExpected(SparkSession spark, Path file, StructType schema) {
    return spark.read().schema(schema).option("mode", "FAILFAST").json(file.toString());
  }
}
