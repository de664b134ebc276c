package lakehouse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import lakehouse.gold.training.EntityColumns;
import lakehouse.gold.training.PointInTimeJoin;
import lakehouse.gold.training.TrainingSetUsageException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The entity file of a training set, Parquet or CSV (by its extension, else by its first bytes:
 * Parquet files start with {@code PAR1}), read with every column. CSV has a header line and its
 * column types inferred. Any problem is one line naming the file.
 *
 * @param bytes its size, and {@code modifiedAt} its modification time in epoch milliseconds,
 *     recorded in the manifest so a reproduction can tell the file changed
 */
record EntityFile(String path, String format, long bytes, long modifiedAt) {
  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  static EntityFile locate(SparkSession spark, String path) {
    Path file = new Path(path);
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        throw unreadable(path, "no such file");
      }
      FileStatus status = fs.getFileStatus(file);
      if (status.isDirectory()) {
        throw unreadable(path, "a directory; give one Parquet or CSV file");
      }
      return new EntityFile(
          fs.makeQualified(file).toString(),
          format(fs, file),
          status.getLen(),
          status.getModificationTime());
    } catch (IOException e) {
      throw unreadable(path, e.getMessage());
    }
  }

  private static String format(FileSystem fs, Path file) throws IOException {
    String name = file.getName().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return "parquet";
    }
    if (name.endsWith(".csv")) {
      return "csv";
    }
    try (InputStream in = fs.open(file)) {
      return Arrays.equals(in.readNBytes(PARQUET_MAGIC.length), PARQUET_MAGIC) ? "parquet" : "csv";
    }
  }

  /** Its rows, checked to have a user id and an event timestamp and no name the join adds. */
  Dataset<Row> read(SparkSession spark) {
    Dataset<Row> rows;
    try {
      rows =
          format.equals("parquet")
              ? spark.read().parquet(path)
              : spark.read().option("header", "true").option("inferSchema", "true").csv(path);
      rows.schema();
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes, undeclared
      throw unreadable(path, firstLine(e));
    }
    for (String required : new String[] {EntityColumns.USER_ID, EntityColumns.EVENT_TIMESTAMP}) {
      if (!Arrays.asList(rows.columns()).contains(required)) {
        throw new TrainingSetUsageException(
            "--entities "
                + path
                + " has no column "
                + required
                + " (it has "
                + Arrays.toString(rows.columns())
                + ")");
      }
    }
    for (String column : rows.columns()) {
      if (PointInTimeJoin.addedName(column)) {
        throw new TrainingSetUsageException(
            "--entities "
                + path
                + " has a column "
                + column
                + ", a name the training set adds (row_number, user_features__*, campaign_daily__*,"
                + " or starting with _); rename it");
      }
    }
    return rows;
  }

  private static TrainingSetUsageException unreadable(String path, String why) {
    return new TrainingSetUsageException("--entities " + path + " cannot be read: " + why);
  }

  private static String firstLine(Exception e) {
    String text = String.valueOf(e.getMessage());
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
