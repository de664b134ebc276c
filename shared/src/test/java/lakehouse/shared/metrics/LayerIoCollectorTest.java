package lakehouse.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerIoCollectorTest {
  private final SparkSession spark = TestSpark.session();
  private LayerIoCollector collector;

  @TempDir Path folder;

  @BeforeEach
  void attach() {
    collector = LayerIoCollector.attach(spark);
  }

  @AfterEach
  void detach() {
    collector.close();
  }

  private Dataset<Row> rows(int count) {
    return spark.range(count).selectExpr("id", "id % 3 AS part", "repeat('x', 50) AS text");
  }

  @Test
  @DisplayName("a Parquet write and its read back: files, bytes and records as on disk")
  void parquetWriteAndRead() throws IOException {
    String table = folder.resolve("plain").toString();

    LayerIoCollector.Measurement writing = collector.begin("write");
    rows(1000).repartition(2).write().partitionBy("part").parquet(table);
    LayerIo written = writing.end();

    List<Path> files = dataFiles(folder.resolve("plain"));
    assertThat(written.written().files()).isEqualTo(files.size()).isPositive();
    assertThat(written.written().bytes()).isEqualTo(totalSize(files));
    assertThat(written.written().records()).isEqualTo(1000);
    assertThat(written.deltaCommits()).as("a plain Parquet write commits nothing").isZero();

    LayerIoCollector.Measurement reading = collector.begin("read");
    assertThat(spark.read().parquet(table).count()).isEqualTo(1000);
    LayerIo read = reading.end();

    assertThat(read.read())
        .as("the files read, their sizes and the rows the scan returned")
        .isEqualTo(new FileIo(files.size(), totalSize(files), 1000));
    assertThat(read.filesRead("parquet")).isEqualTo(files.size());
    assertThat(read.written()).isEqualTo(FileIo.NONE);
  }

  @Test
  @DisplayName("a Delta write counts its data files and one commit; work outside counts nowhere")
  void deltaWriteAndWorkOutside() throws IOException {
    String table = folder.resolve("delta").toString();
    rows(10).write().format("delta").save(folder.resolve("outside").toString());

    LayerIoCollector.Measurement writing = collector.begin("delta");
    rows(500).repartition(3).write().format("delta").partitionBy("part").save(table);
    LayerIo written = writing.end();
    rows(10).write().format("delta").mode("append").save(folder.resolve("outside").toString());

    List<Path> files = dataFiles(folder.resolve("delta"));
    assertThat(written.written().files()).isEqualTo(files.size()).isPositive();
    assertThat(written.written().bytes()).isEqualTo(totalSize(files));
    assertThat(written.written().records()).isEqualTo(500);
    assertThat(written.deltaCommits()).isEqualTo(1);
    assertThat(written.deltaCommitDurationsMs())
        .as("the commit's duration")
        .singleElement()
        .satisfies(ms -> assertThat(ms).isPositive());
    assertThat(written.durationMs()).isPositive();

    LayerIoCollector.Measurement nothing = collector.begin("idle");
    LayerIo idle = nothing.end();
    assertThat(idle.read()).isEqualTo(FileIo.NONE);
    assertThat(idle.written()).isEqualTo(FileIo.NONE);
    assertThat(idle.deltaCommits()).isZero();
  }

  @Test
  @DisplayName("reads of a cached Dataset touch no storage and count as no read")
  void cachedReadsAreNotStorageReads() throws IOException {
    String table = folder.resolve("cached").toString();
    rows(300).coalesce(1).write().parquet(table);
    Dataset<Row> cached = spark.read().parquet(table).cache();
    assertThat(cached.count()).isEqualTo(300);

    LayerIoCollector.Measurement reading = collector.begin("cached");
    assertThat(cached.where("part = 1").count()).isEqualTo(100);
    LayerIo read = reading.end();
    cached.unpersist();

    assertThat(read.read()).isEqualTo(FileIo.NONE);
  }

  @Test
  void requestsFollowTheDocumentedRule() {
    LayerIo io =
        new LayerIo(
            1, new FileIo(10, 0, 0), new FileIo(4, 0, 0), java.util.Map.of(), 2, List.of(5L, 7L));
    ObjectStoreRequests requests = ObjectStoreRequests.estimate(io);
    assertThat(requests).isEqualTo(new ObjectStoreRequests(12, 10, 6, 2));
    assertThat(requests.total()).isEqualTo(30);
  }

  /** Data files of a table: Parquet files outside Delta's log, without Hadoop's checksums. */
  private static List<Path> dataFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("_delta_log"))
          .toList();
    }
  }

  private static long totalSize(List<Path> files) throws IOException {
    long size = 0;
    for (Path file : files) {
      size += Files.size(file);
    }
    return size;
  }
}
