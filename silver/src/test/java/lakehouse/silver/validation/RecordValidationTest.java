package lakehouse.silver.validation;

import static lakehouse.silver.TestEvent.DAY;
import static lakehouse.silver.TestEvent.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.config.SilverSettings;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.testing.TestSpark;
import lakehouse.silver.EventTimeWindow;
import lakehouse.silver.TestEvent;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class RecordValidationTest {
  private static final EventTimeWindow WINDOW = EventTimeWindow.of(DAY, new SilverSettings(2, Duration.ofHours(1)));
  private final SparkSession spark = TestSpark.session();

  private record Outcome(List<String> reasons, LocalDate eventDate) {}

  /** Validates the events as one run of {@link TestEvent#DAY}; outcome per event id. */
  private Map<String, Outcome> validate(TestEvent... events) {
    Map<String, Outcome> outcomes = new HashMap<>();
    for (Row row : RecordValidation.validate(TestEvent.bronze(spark, events), ValidationRules.ALL, WINDOW)
        .select(BronzeEvents.EVENT_ID, Quarantine.REASONS, Quarantine.EVENT_DATE).collectAsList()) {
      outcomes.put(row.getString(0), new Outcome(row.getList(1), row.getDate(2).toLocalDate()));
    }
    return outcomes;
  }

  private List<String> reasonsOf(TestEvent event) {
    return validate(event).get(event.eventId()).reasons();
  }

  @Test
  void aCompleteEventHasNoReason() {
    assertEquals(List.of(), reasonsOf(event(1)));
  }

  @Test
  void eventIdsMustBeUuidsOfEitherCase() {
    assertEquals(List.of(), reasonsOf(event(1).id("0A1B2C3D-4E5F-4a6b-8C9D-0e1f2a3b4c5d")));
    assertEquals(List.of("invalid_event_id"), reasonsOf(event(1).id("not-a-uuid")));
    assertEquals(List.of("invalid_event_id"), reasonsOf(event(1).id("0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5d")));
    assertEquals(List.of("invalid_event_id"), reasonsOf(event(1).id("0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5g")));
    assertEquals(List.of("invalid_event_id"), reasonsOf(event(1).id("0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d\n")));
    assertEquals(List.of("invalid_event_id"), reasonsOf(event(1).id("")));
  }

  @Test
  void emptyOrBlankIdentifiersAreMissing() {
    assertEquals(List.of("missing_user_id"), reasonsOf(event(1).user("")));
    assertEquals(List.of("missing_user_id"), reasonsOf(event(1).user(" \t ")));
    assertEquals(List.of("missing_ad_id"), reasonsOf(event(1).ad("\u00a0")));
    assertEquals(List.of("missing_campaign_id"), reasonsOf(event(1).campaign("  ")));
  }

  @Test
  void aNegativeCostOfEitherVersionIsQuarantined() {
    assertEquals(List.of("negative_cost"), reasonsOf(event(1).costMicros(-1L)));
    assertEquals(List.of("negative_cost"), reasonsOf(event(1).v1Cost(-0.01)));
    // Rounds to 0 micros, but the price as it came is below zero.
    assertEquals(List.of("negative_cost"), reasonsOf(event(1).v1Cost(-0.0000001)));
    assertEquals(List.of(), reasonsOf(event(1).costMicros(0L)));
    assertEquals(List.of(), reasonsOf(event(1).costMicros(null)));
    assertEquals(List.of(), reasonsOf(event(1).v1Cost(null)));
  }

  @Test
  void aCountryWhenPresentIsTwoUpperCaseLetters() {
    assertEquals(List.of(), reasonsOf(event(1).country(null)));
    assertEquals(List.of(), reasonsOf(event(1).country("DE")));
    assertEquals(List.of("invalid_country"), reasonsOf(event(1).country("de")));
    assertEquals(List.of("invalid_country"), reasonsOf(event(1).country("DEU")));
    assertEquals(List.of("invalid_country"), reasonsOf(event(1).country("")));
  }

  @Test
  void everyFailedRuleIsListedInRuleOrder() {
    assertEquals(List.of("invalid_event_id", "missing_user_id", "negative_cost", "invalid_country"),
        reasonsOf(event(1).country("fr").costMicros(-5L).user("").id("x")));
  }

  @Test
  void clockSkewToleranceEndsOneHourAfterTheIngestDateExclusive() {
    TestEvent lastAccepted = event(1).at("2026-11-24T00:59:59.999Z");
    TestEvent firstRejected = event(2).at("2026-11-24T01:00:00Z");
    Map<String, Outcome> outcomes = validate(lastAccepted, firstRejected);

    assertEquals(new Outcome(List.of(), LocalDate.parse("2026-11-24")), outcomes.get(lastAccepted.eventId()));
    assertEquals(List.of("future_event_time"), outcomes.get(firstRejected.eventId()).reasons());
  }

  @Test
  void eventsUpToTwoDaysBeforeTheIngestDateAreAcceptedAndOlderOnesAreTooLate() {
    TestEvent oldestAccepted = event(1).at("2026-11-21T00:00:00Z");
    TestEvent tooLate = event(2).at("2026-11-20T23:59:59.999Z");
    Map<String, Outcome> outcomes = validate(oldestAccepted, tooLate);

    assertEquals(new Outcome(List.of(), LocalDate.parse("2026-11-21")), outcomes.get(oldestAccepted.eventId()));
    assertEquals(new Outcome(List.of("too_late"), LocalDate.parse("2026-11-20")), outcomes.get(tooLate.eventId()));
  }

  @Test
  void aClickJustBeforeMidnightArrivingTheNextDayBelongsToTheDayItHappened() {
    TestEvent click = event(1).type("CLICK").at("2026-11-22T23:59:59.999Z");

    assertEquals(new Outcome(List.of(), LocalDate.parse("2026-11-22")), validate(click).get(click.eventId()));
  }

  @Test
  void theToleranceAndLatenessComeFromTheSettings() {
    EventTimeWindow strict = EventTimeWindow.of(DAY, new SilverSettings(0, Duration.ZERO));

    assertEquals(List.of(DAY), strict.acceptedDates());
    assertEquals(List.of(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22"), DAY, LocalDate.parse("2026-11-24")),
        WINDOW.acceptedDates());
  }
}
