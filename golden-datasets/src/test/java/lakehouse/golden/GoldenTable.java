package lakehouse.golden;

import java.io.File;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import lakehouse.shared.lake.LakeLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * One table of the lake as a scenario compares it: where it lives, its declared schema (what an
 * absent table reads as: no rows), its key, and how its rows are shaped for comparison (volatile
 * columns dropped, or bronze reduced to rows per landing file).
 *
 * @param name the expected file's name, without {@code .jsonl}
 */
public record GoldenTable(
    String name,
    Function<LakeLayout, String> location,
    StructType declared,
    List<String> key,
    UnaryOperator<Dataset<Row>> shape)
    implements LakeContents {

  /**
   * The table's rows, shaped and rendered for comparison; no rows when the table was never written.
   */
  @Override
  public Dataset<Row> actual(SparkSession spark, LakeLayout lake) {
    String path = location.apply(lake);
    boolean exists = new File(path, "_delta_log").isDirectory();
    Dataset<Row> rows = exists ? spark.read().format("delta").load(path) : empty(spark);
    return CanonicalRows.render(shape.apply(rows), key);
  }

  /**
   * Derived from the declared schema, so an expected file is read the same way whatever the lake
   * holds.
   */
  @Override
  public StructType comparedSchema(SparkSession spark) {
    return CanonicalRows.nullable(CanonicalRows.render(shape.apply(empty(spark)), key).schema());
  }

  private Dataset<Row> empty(SparkSession spark) {
    return spark.createDataFrame(List.of(), declared);
  }
}
