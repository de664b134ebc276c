package lakehouse.silver;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Builds one bronze row (BronzeEvents.SCHEMA): a valid v2 impression ingested on {@link #DAY}, at
 * noon of that day, from file {@code part-00.avro}; a test changes only what matters to it.
 */
public final class TestEvent {
  public static final LocalDate DAY = LocalDate.parse("2026-11-23");

  private String eventId;
  private String eventType = "IMPRESSION";
  private Instant eventTime = Instant.parse("2026-11-23T12:00:00Z");
  private String userId = "user-1";
  private String adId = "ad-1";
  private String campaignId = "campaign-1";
  private String country = "FR";
  private String device = "ios";
  private String ipToken = "ip-token";
  private String deviceToken = "device-token";
  private String appVersion = "5.1.0";
  private Double cost;
  private Long costMicros = 1_000L;
  private int schemaVersion = 2;
  private String file = "part-00.avro";
  private long position;
  private LocalDate ingestDate = DAY;

  private TestEvent(String eventId) {
    this.eventId = eventId;
  }

  /** An event whose id is a UUID made from the number, so tests can refer to events by number. */
  public static TestEvent event(int number) {
    return new TestEvent(uuid(number)).at(number);
  }

  public static String uuid(int number) {
    return String.format("00000000-0000-4000-8000-%012d", number);
  }

  public TestEvent id(String value) {
    eventId = value;
    return this;
  }

  public TestEvent type(String value) {
    eventType = value;
    return this;
  }

  public TestEvent at(String instant) {
    eventTime = Instant.parse(instant);
    return this;
  }

  public TestEvent user(String value) {
    userId = value;
    return this;
  }

  public TestEvent ad(String value) {
    adId = value;
    return this;
  }

  public TestEvent campaign(String value) {
    campaignId = value;
    return this;
  }

  public TestEvent country(String value) {
    country = value;
    return this;
  }

  public TestEvent costMicros(Long value) {
    costMicros = value;
    return this;
  }

  /** A schema v1 record: cost in currency units, none of the fields v2 added. */
  public TestEvent v1Cost(Double units) {
    schemaVersion = 1;
    cost = units;
    costMicros = null;
    deviceToken = null;
    appVersion = null;
    return this;
  }

  /** From the given landing file (a name within the ingest date's folder) at the given position. */
  public TestEvent from(String fileName, long positionInFile) {
    file = fileName;
    position = positionInFile;
    return this;
  }

  public TestEvent ingestedOn(LocalDate value) {
    ingestDate = value;
    return this;
  }

  private TestEvent at(long positionInFile) {
    position = positionInFile;
    return this;
  }

  public String eventId() {
    return eventId;
  }

  /** The landing file's path relative to the lake root, as bronze records it. */
  public String sourceFile() {
    return "landing/ad_events/ingest_date=" + ingestDate + "/" + file;
  }

  public Row row() {
    return RowFactory.create(
        eventId,
        eventType,
        Timestamp.from(eventTime),
        userId,
        adId,
        campaignId,
        country,
        device,
        ipToken,
        deviceToken,
        appVersion,
        cost,
        costMicros,
        schemaVersion,
        sourceFile(),
        position,
        "fp:" + sourceFile(),
        Date.valueOf(ingestDate),
        "bronze-run");
  }

  public static Dataset<Row> bronze(SparkSession spark, TestEvent... events) {
    List<Row> rows = Stream.of(events).map(TestEvent::row).toList();
    return spark.createDataFrame(rows, BronzeEvents.SCHEMA);
  }
}
