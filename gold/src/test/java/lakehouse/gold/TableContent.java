package lakehouse.gold;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import lakehouse.shared.delta.DeltaPartitionWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A table's content as sorted lines and their checksum, to tell "exactly as before" from "exactly
 * as after".
 */
public final class TableContent {
  private TableContent() {}

  public static List<String> lines(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** The sorted lines of the Delta table at the path; empty when there is no table. */
  public static List<String> lines(SparkSession spark, String path) {
    return DeltaPartitionWriter.read(spark, path).map(TableContent::lines).orElse(List.of());
  }

  public static String checksum(List<String> lines) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String checksum(SparkSession spark, String path) {
    return checksum(lines(spark, path));
  }

  /**
   * Fails unless the rows have the table's columns in its order with its types, then applies its
   * nullability.
   */
  public static Dataset<Row> asTable(Dataset<Row> rows, StructType schema) {
    String actual = describe(rows.schema());
    String expected = describe(schema);
    if (!actual.equals(expected)) {
      throw new AssertionError("columns differ:\n expected " + expected + "\n actual   " + actual);
    }
    return rows.sparkSession().createDataFrame(rows.collectAsList(), schema);
  }

  private static String describe(StructType schema) {
    return Arrays.stream(schema.fields())
        .map(f -> f.name() + ":" + f.dataType().simpleString())
        .collect(Collectors.joining(", "));
  }
}
