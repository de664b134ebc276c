package lakehouse.silver;

import static lakehouse.silver.TestEvent.DAY;
import static lakehouse.silver.TestEvent.event;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import lakehouse.silver.validation.ValidationRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
    assertThat(result.rowsAccepted() + result.recordsQuarantined() + result.duplicatesDropped())
        .as("rows_read = rows_accepted + records_quarantined + duplicates_dropped in " + result)
        .isEqualTo(result.rowsRead());
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
    for (Row row :
        lake.silverEvents()
            .select(
                SilverEvents.EVENT_ID,
                SilverEvents.USER_ID,
                SilverEvents.INGEST_DATE,
                SilverEvents.SOURCE_FILE,
                SilverEvents.COST_MICROS)
            .collectAsList()) {
      byId.put(
          row.getString(0),
          Arrays.asList(
              row.get(1),
              row.getDate(2).toLocalDate(),
              row.getString(3).substring(row.getString(3).lastIndexOf('/') + 1),
              row.get(4)));
    }
    return byId;
  }

  @Test
  @DisplayName("v1 and v2 events become silver events of the declared schema in the v2 shape")
  void v1AndV2EventsBecomeSilverInTheV2Shape() {
    TestEvent v1 = event(1).v1Cost(0.0000005);
    TestEvent v2 = event(2).costMicros(250_000L).from("part-01.avro", 0);
    lake.bronze(v1, v2);

    SilverResult result = lake.silver(DAY, "silver-run");

    Dataset<Row> silver = lake.silverEvents();
    assertThat(silver.schema()).isEqualTo(SilverEvents.SCHEMA);
    Row migrated = silver.where(col(SilverEvents.EVENT_ID).equalTo(v1.eventId())).head();
    assertThat(migrated.<Long>getAs(SilverEvents.COST_MICROS)).isEqualTo(1L);
    assertThat(migrated.<Object>getAs(SilverEvents.DEVICE_TOKEN)).isNull();
    assertThat(migrated.<Object>getAs(SilverEvents.APP_VERSION)).isNull();
    assertThat((int) migrated.getAs(SilverEvents.SCHEMA_VERSION)).isEqualTo(1);
    assertThat(migrated.<Object>getAs(SilverEvents.RUN_ID)).isEqualTo("silver-run");
    assertThat(
            silver
                .where(col(SilverEvents.EVENT_ID).equalTo(v2.eventId()))
                .head()
                .<Long>getAs(SilverEvents.COST_MICROS))
        .isEqualTo(250_000L);
    assertThat(result.rowsAccepted()).isEqualTo(2);
    assertThat(result.changedEventDates()).containsExactly(DAY);
    assertThat(lake.userDailyActivity().schema()).isEqualTo(UserDailyActivity.SCHEMA);
  }

  @Test
  @DisplayName("silver events keep file statistics of time and lineage, not of ids and tokens")
  void silverEventsKeepStatisticsOfTheColumnsReadersSelectBy() {
    lake.bronze(event(1), event(2).from("part-01.avro", 0));

    lake.silver(DAY, "silver-run");

    String path = lake.layout.silverEvents();
    Row detail = DeltaTable.forPath(spark, path).detail().head();
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertThat(properties)
        .containsEntry(
            "delta.dataSkippingStatsColumns", String.join(",", SilverEvents.STATISTICS_COLUMNS));
    List<String> statistics =
        spark
            .read()
            .json(path + "/_delta_log/*.json")
            .where(col("add").isNotNull())
            .select("add.stats")
            .as(Encoders.STRING())
            .collectAsList();
    assertThat(statistics)
        .isNotEmpty()
        .allSatisfy(
            stats ->
                assertThat(stats)
                    .contains("\"" + SilverEvents.EVENT_TIME + "\"")
                    .doesNotContain(SilverEvents.EVENT_ID)
                    .doesNotContain(SilverEvents.DEVICE_TOKEN));
  }

  @Test
  @DisplayName(
      "the run measures how late its records arrived, too_late ones included, future ones apart")
  void arrivalLatencyCountsEveryRecordWithAUsableEventTime() {
    lake.bronze(
        event(1),
        event(2).at("2026-11-22T06:00:00Z"),
        event(3).at("2026-11-21T23:00:00Z"),
        event(4).at("2026-11-19T00:00:00Z"),
        event(5).at("2026-11-24T00:30:00Z"),
        event(6).at("2026-11-25T00:00:00Z"),
        event(1).from("part-01.avro", 0));

    SilverResult result = lake.silver(DAY, "silver-run");

    ArrivalLatency arrival = result.arrivalLatency();
    assertThat(result.quarantinedByReason()).containsEntry("too_late", 1L);
    assertThat(arrival.ingestDate()).isEqualTo(DAY.toString());
    assertThat(arrival.future()).as("past the clock-skew tolerance").isEqualTo(1);
    assertThat(arrival.withoutEventTime()).isZero();
    assertThat(arrival.records())
        .as("every record read but the future one, duplicates and too_late included")
        .isEqualTo(result.rowsRead() - arrival.future())
        .isEqualTo(6);
    Map<String, Long> expected = ArrivalLatency.emptyDaysLate();
    expected.putAll(Map.of("0", 3L, "1", 1L, "2", 1L, "4", 1L));
    assertThat(arrival.daysLate()).containsExactlyEntriesOf(expected);
    assertThat(arrival.daysLate().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(arrival.records());
    // End of the ingest date, 2026-11-24T00:00Z, minus each event_time.
    assertThat(arrival.seconds().max()).isEqualTo(5 * 86_400L);
    assertThat(arrival.seconds().p50()).isEqualTo(12 * 3_600L);
    assertThat(arrival.seconds().p99()).isEqualTo(5 * 86_400L);
  }

  @Test
  @DisplayName("invalid records are quarantined with every reason, and the counts add up")
  void invalidRecordsAreQuarantinedWithEveryReason() {
    TestEvent twoReasons = event(10).user(" ").country("fr").from("part-00.avro", 10);
    TestEvent tooLate = event(11).at("2026-11-20T12:00:00Z").from("part-00.avro", 11);
    lake.bronze(
        event(1),
        event(2),
        event(3).from("part-01.avro", 0),
        event(1).from("part-00.avro", 9),
        twoReasons,
        tooLate);

    SilverResult result = lake.silver(DAY, "silver-run");

    assertThat(result.rowsRead()).isEqualTo(6);
    assertThat(result.rowsAccepted()).isEqualTo(3);
    assertThat(result.duplicatesDropped()).isEqualTo(1);
    assertThat(result.recordsQuarantined()).isEqualTo(2);
    assertThat(result.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            reasons("missing_user_id", 1, "invalid_country", 1, "too_late", 1));
    assertCountsAddUp(result);
    Dataset<Row> quarantine = lake.quarantine();
    assertThat(quarantine.schema()).isEqualTo(Quarantine.SCHEMA);
    Map<String, List<String>> reasonsById = new HashMap<>();
    quarantine
        .collectAsList()
        .forEach(
            row ->
                reasonsById.put(
                    row.getAs(SilverEvents.EVENT_ID),
                    row.getList(row.fieldIndex(Quarantine.REASONS))));
    assertThat(reasonsById)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                twoReasons.eventId(), List.of("missing_user_id", "invalid_country"),
                tooLate.eventId(), List.of("too_late")));
    assertThat(lake.silverEvents().count()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "a copy arriving on a later ingest date is dropped and counted, and the first copy stays")
  void laterIngestDateCopyIsDroppedAndTheFirstStays() {
    lake.bronze(event(1).user("first"), event(2));
    lake.silver(DAY, "run-1");
    TestEvent lateClick =
        event(3).type("CLICK").at("2026-11-23T23:59:59.999Z").ingestedOn(NEXT_DAY);
    lake.bronze(
        event(1).user("second").ingestedOn(NEXT_DAY),
        lateClick,
        event(4).at("2026-11-24T08:00:00Z").ingestedOn(NEXT_DAY).from("part-00.avro", 7));

    SilverResult result = lake.silver(NEXT_DAY, "run-2");

    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(result.rowsAccepted()).isEqualTo(2);
    assertThat(result.duplicatesDropped()).isEqualTo(1);
    assertCountsAddUp(result);
    Map<String, List<Object>> silver = silverById();
    assertThat(silver.get(event(1).eventId()))
        .containsExactly("first", DAY, "part-00.avro", 1_000L);
    assertThat(silver.get(lateClick.eventId()))
        .containsExactly("user-1", NEXT_DAY, "part-00.avro", 1_000L);
    assertThat(silver).hasSize(4);
    assertThat(result.changedEventDates()).containsExactlyInAnyOrder(DAY, NEXT_DAY);
    // The late click is counted with the older events of its own day.
    Row userDay =
        lake.userDailyActivity()
            .where(
                col(UserDailyActivity.EVENT_DATE)
                    .equalTo(lit(DAY))
                    .and(col(UserDailyActivity.USER_ID).equalTo("user-1")))
            .head();
    assertThat(userDay.<Long>getAs(UserDailyActivity.IMPRESSIONS)).isEqualTo(1L);
    assertThat(userDay.<Long>getAs(UserDailyActivity.CLICKS)).isEqualTo(1L);
  }

  @Test
  @DisplayName(
      "re-running a date adds no version to any table, and a later file of the date is processed alone")
  void reRunAddsNoVersionAndALaterFileIsProcessedAlone() {
    lake.bronze(event(1), event(2).user(""));
    lake.silver(DAY, "run-1");
    Map<String, Long> afterFirstRun = lake.versions();

    SilverResult again = lake.silver(DAY, "run-2");

    assertThat(lake.versions()).containsExactlyInAnyOrderEntriesOf(afterFirstRun);
    assertThat(again.rowsRead()).isZero();
    assertThat(again.quarantinedByReason()).containsExactlyInAnyOrderEntriesOf(reasons());
    assertThat(again.changedEventDates()).isEmpty();

    lake.bronze(event(3).from("part-07.avro", 0), event(1).from("part-07.avro", 1));
    SilverResult laterFile = lake.silver(DAY, "run-3");

    assertThat(
            List.of(
                laterFile.rowsRead(),
                laterFile.rowsAccepted(),
                laterFile.duplicatesDropped(),
                laterFile.recordsQuarantined()))
        .as("rows read, accepted, duplicates dropped, quarantined")
        .containsExactly(2L, 1L, 1L, 0L);
    assertThat(lake.silverEvents().count()).isEqualTo(2);
    assertThat(lake.quarantine().count()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a run stopped after its events commit converges on retry without counting its events twice")
  void runStoppedAfterEventsCommitConvergesOnRetry() {
    lake.bronze(
        event(1), event(2).ad("ad-2"), event(1).from("part-00.avro", 5), event(3).campaign(""));
    SilverResult first = lake.silver(DAY, "run-1");
    Dataset<Row> features = lake.userDailyActivity();
    List<Row> featuresBefore = features.collectAsList();
    // The state a crash right after the events commit leaves: nothing else of the run is committed.
    DeltaTable.forPath(spark, lake.layout.quarantine()).delete();
    DeltaTable.forPath(
            spark, lake.layout.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION))
        .delete();
    DeltaTable.forPath(spark, lake.ledgerPath()).delete();
    long eventsVersion = lake.versions().get(lake.layout.silverEvents());

    SilverResult retry = lake.silver(DAY, "run-1");

    assertThat(lake.versions()).containsEntry(lake.layout.silverEvents(), eventsVersion);
    assertThat(retry.rowsAlreadyAccepted()).isEqualTo(2);
    assertThat(
            List.of(
                retry.rowsRead(),
                retry.rowsAccepted(),
                retry.duplicatesDropped(),
                retry.recordsQuarantined()))
        .as("rows read, accepted, duplicates dropped, quarantined")
        .containsExactly(2L, 0L, 1L, 1L);
    assertCountsAddUp(retry);
    assertThat(retry.changedEventDates()).isEqualTo(first.changedEventDates());
    assertThat(lake.silverEvents().count()).isEqualTo(2);
    assertThat(lake.quarantine().count()).isEqualTo(1);
    DataFrames.assertSameRows(
        spark.createDataFrame(featuresBefore, UserDailyActivity.SCHEMA), lake.userDailyActivity());
  }
}
