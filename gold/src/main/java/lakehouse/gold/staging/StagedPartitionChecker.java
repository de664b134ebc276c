package lakehouse.gold.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import lakehouse.gold.table.GoldTable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks staged partitions as they were written (reading the staged files back, not the computation
 * that produced them), so that what gets promoted is exactly what was checked. All row checks of a
 * partition run as one Spark job.
 */
public final class StagedPartitionChecker {
  private final SparkSession spark;

  public StagedPartitionChecker(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Checks every partition, several at once; a failure stops the run and names the first failing
   * partition in the given order.
   */
  public List<CheckedPartition> checkAll(List<StagedPartition> staged) {
    return PerPartition.map(staged, spark.sparkContext().defaultParallelism(), this::check);
  }

  /**
   * Checks one staged partition against its table.
   *
   * @throws StagingCheckFailedException naming the first check the partition fails
   */
  public CheckedPartition check(StagedPartition staged) {
    GoldTable table = staged.table();
    Dataset<Row> files = read(staged);
    String schemaProblem = schemaDifference(files.schema(), table.schema());
    if (schemaProblem != null) {
      throw failure(staged, StagingCheck.SCHEMA, schemaProblem);
    }

    Column partitionColumn = col(table.partitionColumn());
    Column key = col(table.keyColumn());
    List<StructField> required =
        Arrays.stream(table.schema().fields()).filter(f -> !f.nullable()).toList();
    List<Column> measures = new ArrayList<>();
    measures.add(count(lit(1)).as("rows"));
    measures.add(
        count(
                when(
                    partitionColumn
                        .isNull()
                        .or(partitionColumn.notEqual(lit(Date.valueOf(staged.partitionKey())))),
                    1))
            .as("outside"));
    measures.add(countDistinct(key).as("distinct_keys"));
    for (StructField field : required) {
      measures.add(count(when(col(field.name()).isNull(), 1)).as("nulls_" + field.name()));
    }
    Row totals =
        files
            .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new))
            .head();
    long rows = totals.getLong(0);
    long outside = totals.getLong(1);
    long distinctKeys = totals.getLong(2);

    List<String> nullColumns = new ArrayList<>();
    for (int i = 0; i < required.size(); i++) {
      long nulls = totals.getLong(3 + i);
      if (nulls > 0) {
        nullColumns.add(required.get(i).name() + " (" + nulls + " rows)");
      }
    }
    if (!nullColumns.isEmpty()) {
      throw failure(
          staged,
          StagingCheck.NOT_NULL,
          "null values in NOT NULL columns: " + String.join(", ", nullColumns));
    }
    if (outside > 0) {
      throw failure(
          staged,
          StagingCheck.PARTITION_KEY,
          outside
              + " of "
              + rows
              + " rows have "
              + table.partitionColumn()
              + " other than "
              + staged.partitionKey());
    }
    if (rows != staged.computedRows()) {
      throw failure(
          staged,
          StagingCheck.ROW_COUNT,
          "the staged files hold " + rows + " rows but the run computed " + staged.computedRows());
    }
    if (distinctKeys != rows) {
      Row example =
          files.groupBy(key).count().where(col("count").gt(1)).orderBy(col("count").desc()).head();
      throw failure(
          staged,
          StagingCheck.KEY_UNIQUENESS,
          (rows - distinctKeys)
              + " duplicate rows; for example "
              + table.keyColumn()
              + " '"
              + example.get(0)
              + "' appears "
              + example.getLong(1)
              + " times");
    }
    return new CheckedPartition(staged);
  }

  private Dataset<Row> read(StagedPartition staged) {
    try {
      return spark.read().parquet(staged.path());
    } catch (Exception e) {
      // Spark reports a folder without Parquet files as an AnalysisException (unable to infer
      // schema).
      if (e instanceof AnalysisException) {
        throw failure(
            staged, StagingCheck.SCHEMA, "no readable staged Parquet files: " + e.getMessage());
      }
      throw e;
    }
  }

  /**
   * Names, order and types; not nullability, which Spark does not read back from Parquet (every
   * column of a file comes back nullable): NOT NULL is a check of its own.
   */
  static String schemaDifference(StructType staged, StructType declared) {
    if (describe(staged).equals(describe(declared))) {
      return null;
    }
    return "staged columns ["
        + describe(staged)
        + "] differ from the table's ["
        + describe(declared)
        + "]";
  }

  private static String describe(StructType schema) {
    return Arrays.stream(schema.fields())
        .map(f -> f.name() + ": " + f.dataType().simpleString())
        .collect(Collectors.joining(", "));
  }

  private static StagingCheckFailedException failure(
      StagedPartition staged, StagingCheck check, String detail) {
    return new StagingCheckFailedException(
        staged.table(), staged.partitionKey(), staged.runId(), check, detail, staged.path());
  }
}
