package lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
        .mapToObj(i -> TestLanding.v1(uuid(i), "user-" + i, "10.0.0." + i, 0.25, NOON))
        .collect(Collectors.toList());
  }

  private static List<GenericRecord> v2Events(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(
            i -> TestLanding.v2(uuid(i), "user-" + i, "10.0.1." + i, "device-" + i, 250_000L, NOON))
        .collect(Collectors.toList());
  }

  private Dataset<Row> bronzeRows() {
    return spark.read().format("delta").load(lake.bronzeEvents());
  }

  @Test
  @DisplayName("every record of v1 and v2 files arrives with lineage and schema version")
  void v1AndV2RecordsArriveWithLineage() throws IOException {
    landing.write(DAY, "part-00.avro", v1Events(0, 3));
    landing.write(DAY, "part-01.avro", v2Events(100, 2));

    BronzeResult result = bronze.ingest(DAY, "run-1");

    assertThat(result.filesIngested()).isEqualTo(2);
    assertThat(result.rowsRead()).isEqualTo(5);
    assertThat(result.filesRejected()).isEmpty();
    assertThat(bronzeRows().count()).isEqualTo(5);
    Row v1 = bronzeRows().where("event_id = '" + uuid(1) + "'").head();
    assertThat(v1.getDouble(v1.fieldIndex(BronzeEvents.COST))).isEqualTo(0.25);
    assertThat(v1.isNullAt(v1.fieldIndex(BronzeEvents.COST_MICROS))).isTrue();
    assertThat(v1.getInt(v1.fieldIndex(BronzeEvents.SCHEMA_VERSION))).isEqualTo(1);
    assertThat(v1.getString(v1.fieldIndex(BronzeEvents.SOURCE_FILE)))
        .isEqualTo("landing/ad_events/ingest_date=2026-11-23/part-00.avro");
    assertThat(v1.getLong(v1.fieldIndex(BronzeEvents.SOURCE_POSITION))).isEqualTo(1L);
    assertThat(v1.getString(v1.fieldIndex(BronzeEvents.RUN_ID))).isEqualTo("run-1");
    assertThat(v1.getDate(v1.fieldIndex(BronzeEvents.INGEST_DATE)))
        .isEqualTo(java.sql.Date.valueOf(DAY));
    assertThat(v1.getTimestamp(v1.fieldIndex(BronzeEvents.EVENT_TIME)))
        .isEqualTo(java.sql.Timestamp.from(NOON));

    Row v2 = bronzeRows().where("event_id = '" + uuid(101) + "'").head();
    assertThat(v2.getLong(v2.fieldIndex(BronzeEvents.COST_MICROS))).isEqualTo(250_000L);
    assertThat(v2.getInt(v2.fieldIndex(BronzeEvents.SCHEMA_VERSION))).isEqualTo(2);
    assertThat(v2.getString(v2.fieldIndex(BronzeEvents.APP_VERSION))).isEqualTo("5.1.0");
    assertThat(v2.getString(v2.fieldIndex(BronzeEvents.DEVICE_TOKEN)))
        .isEqualTo(TOKENS.token("device-101"));
    assertThat(v2.getString(v2.fieldIndex(BronzeEvents.IP_TOKEN)))
        .isEqualTo(TOKENS.token("10.0.1.101"));
  }

  @Test
  @DisplayName(
      "corrupt and unknown-schema files are rejected whole while the rest of the day is ingested")
  void badFilesAreRejectedWholeAndTheRestIngested() throws IOException {
    landing.write(DAY, "part-00.avro", v2Events(0, 4));
    landing.writeTruncated(DAY, "part-01.avro", v2Events(1000, 500));
    landing.writeUnregistered(DAY, "part-02.avro");
    Files.writeString(landing.folder(DAY).resolve("part-03.avro"), "not avro at all");

    BronzeResult result = bronze.ingest(DAY, "run-1");

    assertThat(result.filesIngested()).isEqualTo(1);
    assertThat(bronzeRows().count()).as("only the good file's records").isEqualTo(4);
    Map<String, RejectionReason> rejected =
        result.filesRejected().stream()
            .collect(Collectors.toMap(RejectedFile::file, RejectedFile::reason));
    assertThat(rejected)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "landing/ad_events/ingest_date=2026-11-23/part-01.avro",
                    RejectionReason.CORRUPT_FILE,
                "landing/ad_events/ingest_date=2026-11-23/part-02.avro",
                    RejectionReason.UNKNOWN_SCHEMA,
                "landing/ad_events/ingest_date=2026-11-23/part-03.avro",
                    RejectionReason.CORRUPT_FILE));
    assertThat(bronzeRows().where("event_id >= '" + uuid(1000) + "'").count())
        .as("none of the truncated file's readable records")
        .isZero();
    assertThat(landing.folder(DAY).resolve("part-01.avro"))
        .as("the landing zone is never changed")
        .exists();
  }

  @Test
  @DisplayName(
      "hostile files, caught on the driver or only when decoded, are rejected whole and the rest of the day is ingested")
  void hostileFilesAreRejectedWholeAndTheRestOfTheDayIngested() throws IOException {
    landing.write(DAY, "part-00.avro", v2Events(0, 4));
    landing.write(DAY, "part-01.avro", v1Events(2000, 3));
    Path folder = landing.folder(DAY);
    Files.write(folder.resolve("part-02.avro"), new byte[0]);
    Files.write(folder.resolve("part-03.avro"), HostileLanding.headerWithCodec("nope"));
    Files.write(folder.resolve("part-04.avro"), HostileLanding.unionBranchOutOfRange());
    byte[] valid = HostileLanding.valid(40);
    int block = HostileLanding.Layout.of(valid).blockStarts().get(1);
    Files.write(
        folder.resolve("part-05.avro"),
        HostileLanding.withBlockFields(
            valid, block, HostileLanding.readVarLong(valid, block), Integer.MAX_VALUE));

    BronzeResult result = bronze.ingest(DAY, "run-1");

    assertThat(result.filesIngested()).isEqualTo(2);
    assertThat(bronzeRows().count()).as("only the good files' records").isEqualTo(7);
    assertThat(result.filesRejected())
        .extracting(RejectedFile::file, RejectedFile::reason)
        .containsExactlyInAnyOrder(
            IntStream.rangeClosed(2, 5)
                .mapToObj(
                    i ->
                        Tuple.tuple(
                            "landing/ad_events/ingest_date=2026-11-23/part-0" + i + ".avro",
                            RejectionReason.CORRUPT_FILE))
                .toArray(Tuple[]::new));
  }

  @Test
  @DisplayName(
      "a file corrupt in a middle block is rejected whole, and the rest of the day is ingested in the same commit")
  void aFileCorruptInAMiddleBlockIsRejectedWhole() throws IOException {
    landing.write(DAY, "part-00.avro", v2Events(0, 4));
    landing.writeCorruptInMiddleBlock(DAY, "part-01.avro", v2Events(1000, 500));
    landing.write(DAY, "part-02.avro", v1Events(2000, 3));

    BronzeResult result = bronze.ingest(DAY, "run-1");

    assertThat(result.filesIngested()).isEqualTo(2);
    assertThat(result.rowsRead()).isEqualTo(7);
    assertThat(result.filesRejected()).hasSize(1);
    RejectedFile rejected = result.filesRejected().get(0);
    assertThat(rejected.file()).isEqualTo("landing/ad_events/ingest_date=2026-11-23/part-01.avro");
    assertThat(rejected.reason()).isEqualTo(RejectionReason.CORRUPT_FILE);
    assertThat(rejected.detail()).as("says where decoding stopped").contains("after");
    assertThat(bronzeRows().count()).as("only the good files' records").isEqualTo(7);
    assertThat(bronzeRows().where("source_file LIKE '%part-01.avro'").count())
        .as("none of the corrupt file's records, not even those of its sound first block")
        .isZero();
    assertThat(result.tableVersion()).as("one commit holds the whole day").isZero();
  }

  @Test
  @DisplayName("text arrives as Avro's reader decodes it, malformed UTF-8 included, tokens too")
  void textArrivesAsAvroDecodesIt() throws IOException {
    byte[] malformed = {'a', (byte) 0xC3, '(', (byte) 0xFF, 'z'};
    String decoded = new String(malformed, java.nio.charset.StandardCharsets.UTF_8);
    GenericRecord odd = TestLanding.v2(uuid(7), "usér-ø-😀", "10.0.0.7", "device-7", 1L, NOON);
    odd.put("ip_address", new org.apache.avro.util.Utf8(malformed));
    odd.put("device_id", "appareil-é");
    odd.put("app_version", new org.apache.avro.util.Utf8(malformed));
    odd.put("country", null);
    landing.write(DAY, "part-00.avro", List.of(odd));
    landing.writeEmpty(DAY, "part-01.avro", TestLanding.SCHEMAS.version(1).schema());

    BronzeResult result = bronze.ingest(DAY, "run-1");

    assertThat(result.filesIngested()).as("a file of no record is ingested too").isEqualTo(2);
    assertThat(result.rowsRead()).isEqualTo(1);
    Row row = bronzeRows().head();
    assertThat(row.getString(row.fieldIndex(BronzeEvents.USER_ID))).isEqualTo("usér-ø-😀");
    assertThat(row.getString(row.fieldIndex(BronzeEvents.APP_VERSION))).isEqualTo(decoded);
    assertThat(row.isNullAt(row.fieldIndex(BronzeEvents.COUNTRY))).isTrue();
    assertThat(row.getString(row.fieldIndex(BronzeEvents.IP_TOKEN)))
        .isEqualTo(TOKENS.token(decoded));
    assertThat(row.getString(row.fieldIndex(BronzeEvents.DEVICE_TOKEN)))
        .isEqualTo(TOKENS.token("appareil-é"));
    assertThat(row.getString(row.fieldIndex(BronzeEvents.EVENT_TYPE))).isEqualTo("CLICK");
    assertThat(row.getLong(row.fieldIndex(BronzeEvents.SOURCE_POSITION))).isZero();
  }

  @Test
  @DisplayName(
      "a landing file gone between listing and reading is rejected as missing_file, the rest of the day"
          + " ingested, and the next run ingests it when it is back")
  void aLandingFileGoneBetweenListingAndReadingIsReportedAndIngestedWhenBack() throws IOException {
    landing.write(DAY, "part-00.avro", v2Events(0, 4));
    Path early = landing.write(DAY, "part-01.avro", v1Events(100, 3));
    Path late = landing.write(DAY, "part-02.avro", v2Events(200, 5));
    List<LandingFile> listed =
        new LandingZone(lake, spark.sparkContext().hadoopConfiguration()).filesOf(DAY);
    LandingFileInspector inspector = new LandingFileInspector(TestLanding.SCHEMAS);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    byte[] earlyBytes = Files.readAllBytes(early);
    byte[] lateBytes = Files.readAllBytes(late);
    // part-01 goes after the listing, before inspection reads its ends; part-02 after inspection,
    // before the task that decodes it opens it.
    Files.delete(early);
    List<FileInspection> inspected = inspector.inspectAll(listed, hadoop);
    Files.delete(late);
    List<FileInspection> accepted = inspected.stream().filter(FileInspection::isAccepted).toList();
    BronzeCommit.Outcome outcome =
        new BronzeCommit(spark, lake.bronzeEvents(), TestLanding.SCHEMAS, TOKENS)
            .commit(accepted, DAY, "run-1");

    List<RejectedFile> rejected = new ArrayList<>(outcome.rejected());
    inspected.stream()
        .filter(i -> !i.isAccepted())
        .map(FileInspection::asRejected)
        .forEach(rejected::add);
    assertThat(rejected)
        .extracting(RejectedFile::file, RejectedFile::reason)
        .containsExactlyInAnyOrder(
            Tuple.tuple(
                "landing/ad_events/ingest_date=2026-11-23/part-01.avro",
                RejectionReason.MISSING_FILE),
            Tuple.tuple(
                "landing/ad_events/ingest_date=2026-11-23/part-02.avro",
                RejectionReason.MISSING_FILE));
    assertThat(rejected)
        .allSatisfy(r -> assertThat(r.detail()).startsWith(LandingFileInspector.MISSING));
    assertThat(outcome.ingested()).hasSize(1);
    assertThat(bronzeRows().count()).as("the rest of the day").isEqualTo(4);

    Files.write(early, earlyBytes);
    Files.write(late, lateBytes);
    BronzeResult next = bronze.ingest(DAY, "run-2");

    assertThat(next.filesIngested()).as("both files, back").isEqualTo(2);
    assertThat(next.filesSkipped()).isEqualTo(1);
    assertThat(next.filesRejected()).isEmpty();
    assertThat(bronzeRows().count()).isEqualTo(12);
  }

  @Test
  void aSecondRunOfTheSameDayAddsNothing() throws IOException {
    landing.write(DAY, "part-00.avro", v1Events(0, 3));
    bronze.ingest(DAY, "run-1");
    long version = DeltaPartitionWriter.version(spark, lake.bronzeEvents());

    BronzeResult again = bronze.ingest(DAY, "run-2");

    assertThat(again.filesIngested()).isZero();
    assertThat(again.filesSkipped()).isEqualTo(1);
    assertThat(again.rowsRead()).isZero();
    assertThat(bronzeRows().count()).isEqualTo(3);
    assertThat(DeltaPartitionWriter.version(spark, lake.bronzeEvents()))
        .as("no new table version")
        .isEqualTo(version);
  }

  @Test
  @DisplayName(
      "a new file of an ingested day is ingested alone, and a fixed rejected file is ingested by the next run")
  void newAndFixedFilesAreIngestedByTheNextRun() throws IOException {
    landing.write(DAY, "part-00.avro", v1Events(0, 3));
    landing.writeTruncated(DAY, "part-01.avro", v2Events(100, 300));
    BronzeResult first = bronze.ingest(DAY, "run-1");
    assertThat(first.filesRejected()).hasSize(1);

    Path fixed = landing.write(DAY, "part-01.avro", v2Events(100, 300));
    Files.setLastModifiedTime(
        fixed, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    landing.write(DAY, "part-02.avro", v2Events(500, 2));
    BronzeResult second = bronze.ingest(DAY, "run-2");

    assertThat(second.filesIngested()).isEqualTo(2);
    assertThat(second.filesSkipped()).isEqualTo(1);
    assertThat(second.filesRejected()).isEmpty();
    assertThat(bronzeRows().count()).isEqualTo(305);
    assertThat(bronzeRows().where("run_id = 'run-2' AND source_file LIKE '%part-01.avro'").count())
        .isEqualTo(300);
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
      assertThat(value)
          .as("raw IP address in bronze: " + value)
          .doesNotMatch(".*10\\.0\\.[01]\\.\\d+.*");
      assertThat(value).as("raw device id in bronze: " + value).doesNotStartWith("device-");
    }
    assertThat(bronzeRows().columns()).doesNotContain("ip_address");
    assertThat(bronzeRows().columns()).doesNotContain("device_id");
  }

  @Test
  void aPlainJavaConsumerReadsBronzeFilesWithAvroParquetReader() throws IOException {
    landing.write(DAY, "part-00.avro", v2Events(0, 3));
    bronze.ingest(DAY, "run-1");

    List<GenericRecord> records = new ArrayList<>();
    Configuration hadoop = new Configuration();
    for (String file : bronzeRows().inputFiles()) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(
                  HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), hadoop))
              .build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          records.add(record);
        }
      }
    }
    assertThat(records).hasSize(3);
    GenericRecord first =
        records.stream()
            .filter(r -> r.get("event_id").toString().equals(uuid(0)))
            .findFirst()
            .orElseThrow();
    assertThat(first.get("user_id").toString()).isEqualTo("user-0");
    assertThat(first.get("ip_token").toString()).isEqualTo(TOKENS.token("10.0.1.0"));
    assertThat(first.get("cost_micros")).isEqualTo(250_000L);
    assertThat(first.getSchema().getField("event_time")).isNotNull();
    assertThat(first.get("event_time"))
        .as("timestamps are microseconds since the epoch")
        .isEqualTo(NOON.toEpochMilli() * 1000);
    assertThat(first.getSchema().getField("ingest_date"))
        .as("the partition value lives in the path, as in any partitioned table")
        .isNull();
  }

  @Test
  void aDayWithoutLandingFilesIngestsNothing() {
    BronzeResult result = bronze.ingest(DAY, "run-1");
    assertThat(result.filesIngested()).isZero();
    assertThat(result.tableVersion()).isEqualTo(-1);
  }
}
