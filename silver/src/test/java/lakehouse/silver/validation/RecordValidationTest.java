package lakehouse.silver.validation;

import static lakehouse.silver.TestEvent.DAY;
import static lakehouse.silver.TestEvent.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import lakehouse.shared.config.SilverSettings;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.testing.TestSpark;
import lakehouse.silver.EventTimeWindow;
import lakehouse.silver.TestEvent;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecordValidationTest {
  private static final EventTimeWindow WINDOW =
      EventTimeWindow.of(DAY, new SilverSettings(2, Duration.ofHours(1)));
  private final SparkSession spark = TestSpark.session();

  private record Outcome(List<String> reasons, LocalDate eventDate) {}

  /** Validates the events as one run of {@link TestEvent#DAY}; outcome per event id. */
  private Map<String, Outcome> validate(TestEvent... events) {
    Map<String, Outcome> outcomes = new HashMap<>();
    for (Row row :
        RecordValidation.validate(TestEvent.bronze(spark, events), ValidationRules.ALL, WINDOW)
            .select(BronzeEvents.EVENT_ID, Quarantine.REASONS, Quarantine.EVENT_DATE)
            .collectAsList()) {
      outcomes.put(row.getString(0), new Outcome(row.getList(1), row.getDate(2).toLocalDate()));
    }
    return outcomes;
  }

  private List<String> reasonsOf(TestEvent event) {
    return validate(event).get(event.eventId()).reasons();
  }

  @Test
  void aCompleteEventHasNoReason() {
    assertThat(reasonsOf(event(1))).isEmpty();
  }

  @Test
  void eventIdsMustBeUuidsOfEitherCase() {
    assertThat(reasonsOf(event(1).id("0A1B2C3D-4E5F-4a6b-8C9D-0e1f2a3b4c5d"))).isEmpty();
    assertThat(reasonsOf(event(1).id("not-a-uuid"))).containsExactly("invalid_event_id");
    assertThat(reasonsOf(event(1).id("0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5d")))
        .containsExactly("invalid_event_id");
    assertThat(reasonsOf(event(1).id("0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5g")))
        .containsExactly("invalid_event_id");
    assertThat(reasonsOf(event(1).id("0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d\n")))
        .containsExactly("invalid_event_id");
    assertThat(reasonsOf(event(1).id(""))).containsExactly("invalid_event_id");
  }

  @Test
  void emptyOrBlankIdentifiersAreMissing() {
    assertThat(reasonsOf(event(1).user(""))).containsExactly("missing_user_id");
    assertThat(reasonsOf(event(1).user(" \t "))).containsExactly("missing_user_id");
    assertThat(reasonsOf(event(1).ad("\u00a0"))).containsExactly("missing_ad_id");
    assertThat(reasonsOf(event(1).campaign("  "))).containsExactly("missing_campaign_id");
  }

  @Test
  @DisplayName("an identifier is blank exactly when every character is Unicode white space")
  void blankMeansUnicodeWhiteSpaceOnly() {
    Pattern unicodeBlank = Pattern.compile("(?U)\\A\\s*\\z");
    List<String> values =
        List.of(
            "", " ", "\t", "\n", "\u000b", "\f", "\r", "\u001c", "\u0085", "\u00a0", "\u1680",
            "\u2003", "\u200b", "\u2028", "\u202f", "\u3000", "\ufeff", " \n", " x", "x ", "x\n",
            "\u00a0x", "!", "~", "\u007f", "\u00e9", "user-1");
    TestEvent[] events = new TestEvent[values.size()];
    for (int i = 0; i < events.length; i++) {
      events[i] = event(i + 1).user(values.get(i));
    }
    Map<String, Outcome> outcomes = validate(events);
    for (int i = 0; i < events.length; i++) {
      String value = values.get(i);
      assertThat(outcomes.get(events[i].eventId()).reasons())
          .as("user id %s", value.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(unicodeBlank.matcher(value).find() ? List.of("missing_user_id") : List.of());
    }
  }

  @Test
  void aNegativeCostOfEitherVersionIsQuarantined() {
    assertThat(reasonsOf(event(1).costMicros(-1L))).containsExactly("negative_cost");
    assertThat(reasonsOf(event(1).v1Cost(-0.01))).containsExactly("negative_cost");
    // Rounds to 0 micros, but the price as it came is below zero.
    assertThat(reasonsOf(event(1).v1Cost(-0.0000001))).containsExactly("negative_cost");
    assertThat(reasonsOf(event(1).costMicros(0L))).isEmpty();
    assertThat(reasonsOf(event(1).costMicros(null))).isEmpty();
    assertThat(reasonsOf(event(1).v1Cost(null))).isEmpty();
  }

  @Test
  void aCountryWhenPresentIsTwoUpperCaseLetters() {
    assertThat(reasonsOf(event(1).country(null))).isEmpty();
    assertThat(reasonsOf(event(1).country("DE"))).isEmpty();
    assertThat(reasonsOf(event(1).country("de"))).containsExactly("invalid_country");
    assertThat(reasonsOf(event(1).country("DEU"))).containsExactly("invalid_country");
    assertThat(reasonsOf(event(1).country(""))).containsExactly("invalid_country");
  }

  @Test
  void everyFailedRuleIsListedInRuleOrder() {
    assertThat(reasonsOf(event(1).country("fr").costMicros(-5L).user("").id("x")))
        .containsExactly("invalid_event_id", "missing_user_id", "negative_cost", "invalid_country");
  }

  @Test
  @DisplayName("the clock-skew tolerance ends one hour after the ingest date, exclusive")
  void clockSkewToleranceEndsOneHourAfterTheIngestDate() {
    TestEvent lastAccepted = event(1).at("2026-11-24T00:59:59.999Z");
    TestEvent firstRejected = event(2).at("2026-11-24T01:00:00Z");
    Map<String, Outcome> outcomes = validate(lastAccepted, firstRejected);

    assertThat(outcomes)
        .containsEntry(
            lastAccepted.eventId(), new Outcome(List.of(), LocalDate.parse("2026-11-24")));
    assertThat(outcomes.get(firstRejected.eventId()).reasons())
        .containsExactly("future_event_time");
  }

  @Test
  @DisplayName(
      "events up to two days before the ingest date are accepted, and older ones are too late")
  void eventsMoreThanTwoDaysLateAreTooLate() {
    TestEvent oldestAccepted = event(1).at("2026-11-21T00:00:00Z");
    TestEvent tooLate = event(2).at("2026-11-20T23:59:59.999Z");
    Map<String, Outcome> outcomes = validate(oldestAccepted, tooLate);

    assertThat(outcomes)
        .containsEntry(
            oldestAccepted.eventId(), new Outcome(List.of(), LocalDate.parse("2026-11-21")))
        .containsEntry(
            tooLate.eventId(), new Outcome(List.of("too_late"), LocalDate.parse("2026-11-20")));
  }

  @Test
  @DisplayName("a click just before midnight arriving the next day belongs to the day it happened")
  void clickJustBeforeMidnightBelongsToItsOwnDay() {
    TestEvent click = event(1).type("CLICK").at("2026-11-22T23:59:59.999Z");

    assertThat(validate(click))
        .containsEntry(click.eventId(), new Outcome(List.of(), LocalDate.parse("2026-11-22")));
  }

  @Test
  void theToleranceAndLatenessComeFromTheSettings() {
    EventTimeWindow strict = EventTimeWindow.of(DAY, new SilverSettings(0, Duration.ZERO));

    assertThat(strict.acceptedDates()).containsExactly(DAY);
    assertThat(WINDOW.acceptedDates())
        .containsExactly(
            LocalDate.parse("2026-11-21"),
            LocalDate.parse("2026-11-22"),
            DAY,
            LocalDate.parse("2026-11-24"));
  }
}
