package lakehouse.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import lakehouse.gold.training.EntityColumns;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Writes training rows as Parquet files whose bytes depend on the rows alone: sorted by row number,
 * cut into files of consecutive row numbers ({@link RowNumberRanges}, one file per million rows),
 * renamed {@code part-00000.parquet}, ... (Spark names files with a random id) and given a
 * canonical footer. The footer step copies each file once on the driver, a cost paid for
 * byte-for-byte reproduction. The same rows give the same files, which is what makes {@code
 * --snapshot} reproduce a training set byte for byte.
 */
final class TrainingSetOutput {
  static final long ROWS_PER_FILE = 1_000_000;

  private TrainingSetOutput() {}

  static void write(SparkSession spark, Dataset<Row> rows, long rowCount, String out) {
    int files = (int) Math.max(1, (rowCount + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    int rowNumber = Arrays.asList(rows.columns()).indexOf(EntityColumns.ROW_NUMBER);
    JavaRDD<Row> ordered =
        rows.javaRDD()
            .mapToPair(row -> new Tuple2<>(row.getLong(rowNumber), row))
            .repartitionAndSortWithinPartitions(new RowNumberRanges(files, rowCount))
            .values();
    spark.createDataFrame(ordered, rows.schema()).write().parquet(out);
    renameParts(spark, out);
  }

  /**
   * {@code part-00003-<uuid>-c000.snappy.parquet} becomes {@code part-00003.parquet}, with a footer
   * that does not depend on the JVM that wrote it ({@link CanonicalParquetFooter}).
   */
  private static void renameParts(SparkSession spark, String out) {
    Path folder = new Path(out);
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] parts = fs.listStatus(folder, path -> path.getName().startsWith("part-"));
      Arrays.sort(parts, Comparator.comparing(status -> status.getPath().getName()));
      for (FileStatus part : parts) {
        String name = part.getPath().getName();
        Path renamed = new Path(folder, name.substring(0, "part-00000".length()) + ".parquet");
        CanonicalParquetFooter.copy(fs, part.getPath(), renamed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot name the files of " + out, e);
    }
  }
}
