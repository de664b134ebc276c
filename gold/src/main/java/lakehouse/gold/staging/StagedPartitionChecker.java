package lakehouse.gold.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lakehouse.gold.table.GoldTable;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks staged partitions as they were written (the staged files, not the computation that
 * produced them), so that what gets promoted is exactly what was checked.
 *
 * <p>Most checks read the files' Parquet footers on the driver, which describe every file as
 * written: its columns (schema), its rows (row count, files), and per column the nulls and the
 * smallest and largest value (NOT NULL, partition key). Key uniqueness needs the keys themselves:
 * the keys of all the partitions checked together are read by one Spark query, reading the key
 * column only.
 */
public final class StagedPartitionChecker {
  private static final String STAGED = "staged";
  private static final String KEY = "key";
  private static final String COUNT = "count";

  private final SparkSession spark;

  public StagedPartitionChecker(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Checks every partition: first each one's files (in the given order), then the key uniqueness of
   * all of them; a failure stops the run and names the first failing partition.
   */
  public List<CheckedPartition> checkAll(List<StagedPartition> staged) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (StagedPartition partition : staged) {
      checkFiles(partition, read(partition, hadoop));
    }
    checkKeysUnique(staged);
    return staged.stream().map(CheckedPartition::new).toList();
  }

  /**
   * Checks one staged partition against its table.
   *
   * @throws StagingCheckFailedException naming the first check the partition fails
   */
  public CheckedPartition check(StagedPartition staged) {
    return checkAll(List.of(staged)).get(0);
  }

  private static StagedFiles read(StagedPartition staged, Configuration hadoop) {
    StagedFiles files;
    try {
      files = StagedFiles.read(staged.path(), hadoop);
    } catch (StagedFiles.UnreadableFileException e) {
      throw failure(staged, StagingCheck.SCHEMA, "a staged file is not Parquet: " + e.getMessage());
    }
    if (files.files().isEmpty()) {
      throw failure(staged, StagingCheck.SCHEMA, "no staged Parquet files in " + staged.path());
    }
    return files;
  }

  private static void checkFiles(StagedPartition staged, StagedFiles files) {
    GoldTable table = staged.table();
    for (StagedFiles.StagedFile file : files.files()) {
      String schemaProblem = schemaDifference(file.columns(), table.schema());
      if (schemaProblem != null) {
        throw failure(staged, StagingCheck.SCHEMA, file.path().getName() + ": " + schemaProblem);
      }
    }
    checkNotNull(staged, files);
    checkPartitionKey(staged, files);
    long rows = files.rows();
    if (rows != staged.computedRows()) {
      throw failure(
          staged,
          StagingCheck.ROW_COUNT,
          "the staged files hold " + rows + " rows but the run computed " + staged.computedRows());
    }
    if (files.files().size() != staged.files()) {
      throw failure(
          staged,
          StagingCheck.FILES,
          files.files().size()
              + " staged files where "
              + staged.computedRows()
              + " rows are written as "
              + staged.files());
    }
  }

  private static void checkNotNull(StagedPartition staged, StagedFiles files) {
    List<String> nullColumns = new ArrayList<>();
    for (StructField field : staged.table().schema().fields()) {
      if (field.nullable()) {
        continue;
      }
      long nulls = 0;
      for (StagedFiles.StagedFile file : files.files()) {
        Optional<Long> inFile = file.nulls(field.name());
        if (inFile.isEmpty()) {
          throw failure(
              staged,
              StagingCheck.NOT_NULL,
              file.path().getName() + " does not record the nulls of " + field.name());
        }
        nulls += inFile.get();
      }
      if (nulls > 0) {
        nullColumns.add(field.name() + " (" + nulls + " rows)");
      }
    }
    if (!nullColumns.isEmpty()) {
      throw failure(
          staged,
          StagingCheck.NOT_NULL,
          "null values in NOT NULL columns: " + String.join(", ", nullColumns));
    }
  }

  /**
   * Every row's partition column is the key: in each row group its smallest and largest value are
   * the key (dates are stored as days since 1970-01-01).
   */
  private static void checkPartitionKey(StagedPartition staged, StagedFiles files) {
    String column = staged.table().partitionColumn();
    long key = staged.partitionKey().toEpochDay();
    for (StagedFiles.StagedFile file : files.files()) {
      for (Optional<Statistics<?>> group : file.statistics(column)) {
        Statistics<?> statistics = group.orElse(null);
        if (statistics == null || statistics.isEmpty()) {
          throw failure(
              staged,
              StagingCheck.PARTITION_KEY,
              file.path().getName() + " does not record the values of " + column);
        }
        if (!statistics.hasNonNullValue()) {
          continue; // a row group of nulls only: the NOT NULL check refused it already
        }
        long smallest = ((Number) statistics.genericGetMin()).longValue();
        long largest = ((Number) statistics.genericGetMax()).longValue();
        if (smallest != key || largest != key) {
          throw failure(
              staged,
              StagingCheck.PARTITION_KEY,
              file.path().getName()
                  + " has rows with "
                  + column
                  + " from "
                  + LocalDate.ofEpochDay(smallest)
                  + " to "
                  + LocalDate.ofEpochDay(largest)
                  + ", other than "
                  + staged.partitionKey());
        }
      }
    }
  }

  /**
   * One query over the keys of every staged partition: the keys found more than once in a
   * partition. Reads the key column only.
   */
  private void checkKeysUnique(List<StagedPartition> staged) {
    if (staged.isEmpty()) {
      return;
    }
    Dataset<Row> keys = null;
    for (int i = 0; i < staged.size(); i++) {
      StagedPartition partition = staged.get(i);
      GoldTable table = partition.table();
      Dataset<Row> partitionKeys =
          spark
              .read()
              .schema(table.schema())
              .parquet(partition.path())
              .select(lit(i).as(STAGED), col(table.keyColumn()).cast(DataTypes.StringType).as(KEY));
      keys = keys == null ? partitionKeys : keys.union(partitionKeys);
    }
    Map<Integer, Row> duplicates = new HashMap<>();
    for (Row row :
        keys.groupBy(STAGED, KEY)
            .count()
            .where(col(COUNT).gt(1))
            .groupBy(STAGED)
            .agg(
                sum(col(COUNT).minus(1)).as("duplicate_rows"),
                max_by(col(KEY), col(COUNT)).as("example"),
                max(COUNT).as("example_count"))
            .collectAsList()) {
      duplicates.put(row.getInt(0), row);
    }
    for (int i = 0; i < staged.size(); i++) {
      Row duplicate = duplicates.get(i);
      if (duplicate != null) {
        StagedPartition partition = staged.get(i);
        throw failure(
            partition,
            StagingCheck.KEY_UNIQUENESS,
            duplicate.getLong(1)
                + " duplicate rows; for example "
                + partition.table().keyColumn()
                + " '"
                + duplicate.getString(2)
                + "' appears "
                + duplicate.getLong(3)
                + " times");
      }
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
