package lakehouse.silver;

import static lakehouse.silver.TestEvent.DAY;
import static lakehouse.silver.TestEvent.event;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import lakehouse.silver.validation.ValidationRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverLayerTest {
  private static final LocalDate NEXT_DAY = DAY.plusDays(1);

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();
  private TestLake lake;

  @BeforeEach
  void setUp() {
    lake = new TestLake(spark, root);
  }

  private static void assertCountsAddUp(SilverResult result) {
    assertEquals(result.rowsRead(), result.rowsAccepted() + result.recordsQuarantined() + result.duplicatesDropped(),
        "rows_read = rows_accepted + records_quarantined + duplicates_dropped in " + result);
  }

  private static Map<String, Long> reasons(Object... nameThenCount) {
    Map<String, Long> counts = new LinkedHashMap<>();
    ValidationRules.names().forEach(name -> counts.put(name, 0L));
    for (int i = 0; i < nameThenCount.length; i += 2) {
      counts.put((String) nameThenCount[i], ((Number) nameThenCount[i + 1]).longValue());
    }
    return counts;
  }

  /** Silver events by id: {user_id, ingest_date, source_file, cost_micros}. */
  private Map<String, List<Object>> silverById() {
    Map<String, List<Object>> byId = new HashMap<>();
    for (Row row : lake.silverEvents().select(SilverEvents.EVENT_ID, SilverEvents.USER_ID, SilverEvents.INGEST_DATE,
        SilverEvents.SOURCE_FILE, SilverEvents.COST_MICROS).collectAsList()) {
      byId.put(row.getString(0), Arrays.asList(row.get(1), row.getDate(2).toLocalDate(),
          row.getString(3).substring(row.getString(3).lastIndexOf('/') + 1), row.get(4)));
    }
    return byId;
  }

  @Test
  void v1AndV2EventsBecomeSilverEventsOfTheDeclaredSchemaInTheV2Shape() {
    TestEvent v1 = event(1).v1Cost(0.0000005);
    TestEvent v2 = event(2).costMicros(250_000L).from("part-01.avro", 0);
    lake.bronze(v1, v2);

    SilverResult result = lake.silver(DAY, "silver-run");

    Dataset<Row> silver = lake.silverEvents();
    assertEquals(SilverEvents.SCHEMA, silver.schema());
    Row migrated = silver.where(col(SilverEvents.EVENT_ID).equalTo(v1.eventId())).head();
    assertEquals(1L, migrated.<Long>getAs(SilverEvents.COST_MICROS));
    assertNull(migrated.getAs(SilverEvents.DEVICE_TOKEN));
    assertNull(migrated.getAs(SilverEvents.APP_VERSION));
    assertEquals(1, (int) migrated.getAs(SilverEvents.SCHEMA_VERSION));
    assertEquals("silver-run", migrated.getAs(SilverEvents.RUN_ID));
    assertEquals(250_000L, silver.where(col(SilverEvents.EVENT_ID).equalTo(v2.eventId())).head()
        .<Long>getAs(SilverEvents.COST_MICROS));
    assertEquals(2, result.rowsAccepted());
    assertEquals(new TreeSet<>(Set.of(DAY)), result.changedEventDates());
    assertEquals(UserDailyActivity.SCHEMA, lake.userDailyActivity().schema());
  }

  @Test
  void invalidRecordsAreQuarantinedWithEveryReasonAndTheCountsAddUp() {
    TestEvent twoReasons = event(10).user(" ").country("fr").from("part-00.avro", 10);
    TestEvent tooLate = event(11).at("2026-11-20T12:00:00Z").from("part-00.avro", 11);
    lake.bronze(event(1), event(2), event(3).from("part-01.avro", 0), event(1).from("part-00.avro", 9),
        twoReasons, tooLate);

    SilverResult result = lake.silver(DAY, "silver-run");

    assertEquals(6, result.rowsRead());
    assertEquals(3, result.rowsAccepted());
    assertEquals(1, result.duplicatesDropped());
    assertEquals(2, result.recordsQuarantined());
    assertEquals(reasons("missing_user_id", 1, "invalid_country", 1, "too_late", 1), result.quarantinedByReason());
    assertCountsAddUp(result);
    Dataset<Row> quarantine = lake.quarantine();
    assertEquals(Quarantine.SCHEMA, quarantine.schema());
    Map<String, List<String>> reasonsById = new HashMap<>();
    quarantine.collectAsList().forEach(row -> reasonsById.put(row.getAs(SilverEvents.EVENT_ID),
        row.getList(row.fieldIndex(Quarantine.REASONS))));
    assertEquals(Map.of(twoReasons.eventId(), List.of("missing_user_id", "invalid_country"),
        tooLate.eventId(), List.of("too_late")), reasonsById);
    assertEquals(3, lake.silverEvents().count());
  }

  @Test
  void aCopyArrivingOnALaterIngestDateIsDroppedAndCountedAndTheFirstCopyStays() {
    lake.bronze(event(1).user("first"), event(2));
    lake.silver(DAY, "run-1");
    TestEvent lateClick = event(3).type("CLICK").at("2026-11-23T23:59:59.999Z").ingestedOn(NEXT_DAY);
    lake.bronze(event(1).user("second").ingestedOn(NEXT_DAY), lateClick, event(4).at("2026-11-24T08:00:00Z")
        .ingestedOn(NEXT_DAY).from("part-00.avro", 7));

    SilverResult result = lake.silver(NEXT_DAY, "run-2");

    assertEquals(3, result.rowsRead());
    assertEquals(2, result.rowsAccepted());
    assertEquals(1, result.duplicatesDropped());
    assertCountsAddUp(result);
    Map<String, List<Object>> silver = silverById();
    assertEquals(List.of("first", DAY, "part-00.avro", 1_000L), silver.get(event(1).eventId()));
    assertEquals(List.of("user-1", NEXT_DAY, "part-00.avro", 1_000L), silver.get(lateClick.eventId()));
    assertEquals(4, silver.size());
    assertEquals(new TreeSet<>(Set.of(DAY, NEXT_DAY)), result.changedEventDates());
    // The late click is counted with the older events of its own day.
    Row userDay = lake.userDailyActivity().where(col(UserDailyActivity.EVENT_DATE).equalTo(lit(DAY))
        .and(col(UserDailyActivity.USER_ID).equalTo("user-1"))).head();
    assertEquals(1L, userDay.<Long>getAs(UserDailyActivity.IMPRESSIONS));
    assertEquals(1L, userDay.<Long>getAs(UserDailyActivity.CLICKS));
  }

  @Test
  void reRunningADateAddsNoVersionToAnyTableAndALaterFileOfTheDateIsProcessedAlone() {
    lake.bronze(event(1), event(2).user(""));
    lake.silver(DAY, "run-1");
    Map<String, Long> afterFirstRun = lake.versions();

    SilverResult again = lake.silver(DAY, "run-2");

    assertEquals(afterFirstRun, lake.versions());
    assertEquals(0, again.rowsRead());
    assertEquals(reasons(), again.quarantinedByReason());
    assertEquals(Set.of(), again.changedEventDates());

    lake.bronze(event(3).from("part-07.avro", 0), event(1).from("part-07.avro", 1));
    SilverResult laterFile = lake.silver(DAY, "run-3");

    assertEquals(List.of(2L, 1L, 1L, 0L), List.of(laterFile.rowsRead(), laterFile.rowsAccepted(),
        laterFile.duplicatesDropped(), laterFile.recordsQuarantined()));
    assertEquals(2, lake.silverEvents().count());
    assertEquals(1, lake.quarantine().count());
  }

  @Test
  void aRunStoppedAfterItsEventsCommitConvergesOnRetryWithoutCountingItsEventsTwice() {
    lake.bronze(event(1), event(2).ad("ad-2"), event(1).from("part-00.avro", 5), event(3).campaign(""));
    SilverResult first = lake.silver(DAY, "run-1");
    Dataset<Row> features = lake.userDailyActivity();
    List<Row> featuresBefore = features.collectAsList();
    // The state a crash right after the events commit leaves: nothing else of the run is committed.
    DeltaTable.forPath(spark, lake.layout.quarantine()).delete();
    DeltaTable.forPath(spark, lake.layout.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION)).delete();
    DeltaTable.forPath(spark, lake.ledgerPath()).delete();
    long eventsVersion = lake.versions().get(lake.layout.silverEvents());

    SilverResult retry = lake.silver(DAY, "run-1");

    assertEquals(eventsVersion, lake.versions().get(lake.layout.silverEvents()));
    assertEquals(2, retry.rowsAlreadyAccepted());
    assertEquals(List.of(2L, 0L, 1L, 1L), List.of(retry.rowsRead(), retry.rowsAccepted(), retry.duplicatesDropped(),
        retry.recordsQuarantined()));
    assertCountsAddUp(retry);
    assertEquals(first.changedEventDates(), retry.changedEventDates());
    assertEquals(2, lake.silverEvents().count());
    assertEquals(1, lake.quarantine().count());
    DataFrames.assertSameRows(spark.createDataFrame(featuresBefore, UserDailyActivity.SCHEMA), lake.userDailyActivity());
  }
}
