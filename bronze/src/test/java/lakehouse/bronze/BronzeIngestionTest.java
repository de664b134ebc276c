package lakehouse.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.testing.TestSpark;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BronzeIngestionTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-23");
  private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
  private static final PiiTokenizer TOKENS = PiiTokenizer.fromSecret("test-key");

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();
  private LakeLayout lake;
  private TestLanding landing;
  private BronzeIngestion bronze;

  @BeforeEach
  void setUp() {
    lake = new LakeLayout(root.toString());
    landing = new TestLanding(root);
    bronze = new BronzeIngestion(spark, lake, TestLanding.SCHEMAS, TOKENS, Clock.systemUTC());
  }

  private static String uuid(int i) {
    return String.format("00000000-0000-4000-8000-%012d", i);
  }

  private static List<GenericRecord> v1Events(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> TestLanding.v1(uuid(i), "user-" + i, "10.0.0." + i, 0.25, NOON)).collect(Collectors.toList());
  }

  private static List<GenericRecord> v2Events(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> TestLanding.v2(uuid(i), "user-" + i, "10.0.1." + i, "device-" + i, 250_000L, NOON))
        .collect(Collectors.toList());
  }

  private Dataset<Row> bronzeRows() {
    return spark.read().format("delta").load(lake.bronzeEvents());
  }

  @Test
  void everyRecordOfV1AndV2FilesArrivesWithLineageAndSchemaVersion() throws IOException {
    landing.write(DAY, "part-00.avro", v1Events(0, 3));
    landing.write(DAY, "part-01.avro", v2Events(100, 2));

    BronzeResult result = bronze.ingest(DAY, "run-1");

    assertEquals(2, result.filesIngested());
    assertEquals(5, result.rowsRead());
    assertTrue(result.filesRejected().isEmpty());
    assertEquals(5, bronzeRows().count());
    Row v1 = bronzeRows().where("event_id = '" + uuid(1) + "'").head();
    assertEquals(0.25, v1.getDouble(v1.fieldIndex(BronzeEvents.COST)));
    assertTrue(v1.isNullAt(v1.fieldIndex(BronzeEvents.COST_MICROS)));
    assertEquals(1, v1.getInt(v1.fieldIndex(BronzeEvents.SCHEMA_VERSION)));
    assertEquals("landing/ad_events/ingest_date=2026-11-23/part-00.avro", v1.getString(v1.fieldIndex(BronzeEvents.SOURCE_FILE)));
    assertEquals(1L, v1.getLong(v1.fieldIndex(BronzeEvents.SOURCE_POSITION)));
    assertEquals("run-1", v1.getString(v1.fieldIndex(BronzeEvents.RUN_ID)));
    assertEquals(java.sql.Date.valueOf(DAY), v1.getDate(v1.fieldIndex(BronzeEvents.INGEST_DATE)));
    assertEquals(java.sql.Timestamp.from(NOON), v1.getTimestamp(v1.fieldIndex(BronzeEvents.EVENT_TIME)));

    Row v2 = bronzeRows().where("event_id = '" + uuid(101) + "'").head();
    assertEquals(250_000L, v2.getLong(v2.fieldIndex(BronzeEvents.COST_MICROS)));
    assertEquals(2, v2.getInt(v2.fieldIndex(BronzeEvents.SCHEMA_VERSION)));
    assertEquals("5.1.0", v2.getString(v2.fieldIndex(BronzeEvents.APP_VERSION)));
    assertEquals(TOKENS.token("device-101"), v2.getString(v2.fieldIndex(BronzeEvents.DEVICE_TOKEN)));
    assertEquals(TOKENS.token("10.0.1.101"), v2.getString(v2.fieldIndex(BronzeEvents.IP_TOKEN)));
  }

  @Test
  void corruptAndUnknownSchemaFilesAreRejectedWholeWhileTheRestOfTheDayIsIngested() throws IOException {
    landing.write(DAY, "part-00.avro", v2Events(0, 4));
    landing.writeTruncated(DAY, "part-01.avro", v2Events(1000, 500));
    landing.writeUnregistered(DAY, "part-02.avro");
    Files.writeString(landing.folder(DAY).resolve("part-03.avro"), "not avro at all");

    BronzeResult result = bronze.ingest(DAY, "run-1");

    assertEquals(1, result.filesIngested());
    assertEquals(4, bronzeRows().count(), "only the good file's records");
    Map<String, RejectionReason> rejected = result.filesRejected().stream()
        .collect(Collectors.toMap(RejectedFile::file, RejectedFile::reason));
    assertEquals(Map.of(
        "landing/ad_events/ingest_date=2026-11-23/part-01.avro", RejectionReason.CORRUPT_FILE,
        "landing/ad_events/ingest_date=2026-11-23/part-02.avro", RejectionReason.UNKNOWN_SCHEMA,
        "landing/ad_events/ingest_date=2026-11-23/part-03.avro", RejectionReason.CORRUPT_FILE), rejected);
    assertEquals(0, bronzeRows().where("event_id >= '" + uuid(1000) + "'").count(),
        "none of the truncated file's readable records");
    assertTrue(Files.exists(landing.folder(DAY).resolve("part-01.avro")), "the landing zone is never changed");
  }

  @Test
  void aSecondRunOfTheSameDayAddsNothing() throws IOException {
    landing.write(DAY, "part-00.avro", v1Events(0, 3));
    bronze.ingest(DAY, "run-1");
    long version = DeltaPartitionWriter.version(spark, lake.bronzeEvents());

    BronzeResult again = bronze.ingest(DAY, "run-2");

    assertEquals(0, again.filesIngested());
    assertEquals(1, again.filesSkipped());
    assertEquals(0, again.rowsRead());
    assertEquals(3, bronzeRows().count());
    assertEquals(version, DeltaPartitionWriter.version(spark, lake.bronzeEvents()), "no new table version");
  }

  @Test
  void aNewFileOfAnIngestedDayIsIngestedAloneAndAFixedRejectedFileIsIngestedByTheNextRun() throws IOException {
    landing.write(DAY, "part-00.avro", v1Events(0, 3));
    landing.writeTruncated(DAY, "part-01.avro", v2Events(100, 300));
    BronzeResult first = bronze.ingest(DAY, "run-1");
    assertEquals(1, first.filesRejected().size());

    Path fixed = landing.write(DAY, "part-01.avro", v2Events(100, 300));
    Files.setLastModifiedTime(fixed, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    landing.write(DAY, "part-02.avro", v2Events(500, 2));
    BronzeResult second = bronze.ingest(DAY, "run-2");

    assertEquals(2, second.filesIngested());
    assertEquals(1, second.filesSkipped());
    assertTrue(second.filesRejected().isEmpty());
    assertEquals(305, bronzeRows().count());
    assertEquals(300, bronzeRows().where("run_id = 'run-2' AND source_file LIKE '%part-01.avro'").count());
  }

  @Test
  void rawIpAddressesAndDeviceIdsReachNoBronzeColumn() throws IOException {
    landing.write(DAY, "part-00.avro", v1Events(0, 5));
    landing.write(DAY, "part-01.avro", v2Events(100, 5));
    bronze.ingest(DAY, "run-1");

    List<String> values = new ArrayList<>();
    for (Row row : bronzeRows().collectAsList()) {
      for (int i = 0; i < row.length(); i++) {
        values.add(String.valueOf(row.get(i)));
      }
    }
    for (String value : values) {
      assertFalse(value.matches(".*10\\.0\\.[01]\\.\\d+.*"), "raw IP address in bronze: " + value);
      assertFalse(value.startsWith("device-"), "raw device id in bronze: " + value);
    }
    assertFalse(java.util.Arrays.asList(bronzeRows().columns()).contains("ip_address"));
    assertFalse(java.util.Arrays.asList(bronzeRows().columns()).contains("device_id"));
  }

  @Test
  void aPlainJavaConsumerReadsBronzeFilesWithAvroParquetReader() throws IOException {
    landing.write(DAY, "part-00.avro", v2Events(0, 3));
    bronze.ingest(DAY, "run-1");

    List<GenericRecord> records = new ArrayList<>();
    Configuration hadoop = new Configuration();
    for (String file : bronzeRows().inputFiles()) {
      try (ParquetReader<GenericRecord> reader = AvroParquetReader
          .<GenericRecord>builder(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), hadoop)).build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          records.add(record);
        }
      }
    }
    assertEquals(3, records.size());
    GenericRecord first = records.stream().filter(r -> r.get("event_id").toString().equals(uuid(0))).findFirst().orElseThrow();
    assertEquals("user-0", first.get("user_id").toString());
    assertEquals(TOKENS.token("10.0.1.0"), first.get("ip_token").toString());
    assertEquals(250_000L, first.get("cost_micros"));
    assertNotNull(first.getSchema().getField("event_time"));
    assertEquals(NOON.toEpochMilli() * 1000, first.get("event_time"), "timestamps are microseconds since the epoch");
    assertNull(first.getSchema().getField("ingest_date"), "the partition value lives in the path, as in any partitioned table");
  }

  @Test
  void aDayWithoutLandingFilesIngestsNothing() {
    BronzeResult result = bronze.ingest(DAY, "run-1");
    assertEquals(0, result.filesIngested());
    assertEquals(-1, result.tableVersion());
  }
}
