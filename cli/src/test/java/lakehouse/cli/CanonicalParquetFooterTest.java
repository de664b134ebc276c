package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import lakehouse.shared.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalParquetFooterTest {
  @TempDir Path folder;
  private final SparkSession spark = TestSpark.session();

  @Test
  @DisplayName("the copy lists each column's encodings in order and reads back the same rows")
  void theCopyHasSortedEncodingsAndTheSameRows() throws IOException {
    spark
        .sql("SELECT id, IF(id % 3 = 0, NULL, CAST(id % 5 AS STRING)) AS name FROM range(100)")
        .coalesce(1)
        .write()
        .parquet(folder.resolve("written").toString());
    Path written;
    try (Stream<Path> files = Files.list(folder.resolve("written"))) {
      written = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(folder + "/copy.parquet");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();

    CanonicalParquetFooter.copy(
        FileSystem.getLocal(hadoop), new org.apache.hadoop.fs.Path(written.toString()), target);

    byte[] file = Files.readAllBytes(folder.resolve("copy.parquet"));
    int footerLength =
        ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    FileMetaData footer =
        Util.readFileMetaData(
            new ByteArrayInputStream(file, file.length - 8 - footerLength, footerLength));
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk column : group.getColumns()) {
        assertThat(column.getMeta_data().getEncodings().stream().map(Encoding::getValue).toList())
            .hasSizeGreaterThan(1)
            .isSorted();
      }
    }
    assertThat(written).doesNotExist();
    assertThat(spark.read().parquet(target.toString()).count()).isEqualTo(100);
  }
}
