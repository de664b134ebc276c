package lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lakehouse.generate.LandedEvents.LandedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The special cases are in the data, by the contract's own rules, as often as the rates say. */
class EventCasesTest {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 23);
  private static final int DAYS = 3;
  private static final long EVENTS_PER_DAY = 20_000;

  @TempDir static Path lake;
  private static GenerationSummary summary;
  private static List<LandedEvent> events;
  private static ContractClassification byContract;

  @BeforeAll
  static void generate() throws IOException {
    summary =
        new LandingGenerator().generate(lake, GeneratorSpec.of(FROM, DAYS, EVENTS_PER_DAY, 11));
    events = LandedEvents.of(summary);
    byContract = ContractClassification.of(events);
  }

  @Test
  void theSummaryCountsEachCaseAsSilverRulesWouldFindIt() {
    CaseCounts cases = summary.cases();
    assertThat(cases.records()).isEqualTo(events.size());
    assertThat(cases.regular()).isEqualTo(byContract.regular);
    assertThat(cases.late()).isEqualTo(byContract.late);
    assertThat(cases.duplicateInFile()).isEqualTo(byContract.duplicateInFile);
    assertThat(cases.duplicateSameDay()).isEqualTo(byContract.duplicateSameDay);
    assertThat(cases.duplicateEarlierDay()).isEqualTo(byContract.duplicateEarlierDay);
    assertThat(cases.invalidByReason())
        .containsExactlyInAnyOrderEntriesOf(byContract.invalidByReason);
    assertThat(cases.future()).isEqualTo(byContract.future);
    assertThat(cases.tooLate()).isEqualTo(byContract.tooLate);
    assertThat(byContract.recordsWithSeveralReasons)
        .as("each quarantined record breaks one rule")
        .isZero();
    assertThat(cases.regular() + cases.late() + cases.duplicates() + cases.quarantined())
        .isEqualTo(cases.records());
    assertThat(cases.acceptedUnique()).isEqualTo(cases.regular() + cases.late());
  }

  @Test
  void eachCaseAppearsAtAboutItsRate() {
    CaseCounts cases = summary.cases();
    double records = cases.records();
    GeneratorRates rates = GeneratorRates.defaults();
    assertAbout(rates.lateShare(), cases.late() / records, "late");
    assertAbout(rates.duplicateShare(), cases.duplicates() / records, "duplicate");
    assertAbout(rates.invalidShare(), cases.invalid() / records, "invalid");
    assertAbout(rates.futureShare(), cases.future() / records, "future");
    assertAbout(rates.tooLateShare(), cases.tooLate() / records, "too late");
  }

  @Test
  @DisplayName("duplicates repeat events of the same file, of another file and of the day before")
  void duplicatesRepeatEventsOfFilesAndDays() {
    CaseCounts cases = summary.cases();
    assertThat(cases.duplicateInFile()).as(cases.describe()).isGreaterThan(50);
    assertThat(cases.duplicateSameDay()).as(cases.describe()).isGreaterThan(50);
    assertThat(cases.duplicateEarlierDay()).as(cases.describe()).isGreaterThan(50);
    assertThat(summary.days().get(0).cases().duplicateEarlierDay())
        .as("nothing before the first day")
        .isZero();
  }

  @Test
  void everyKindOfInvalidRecordIsPresent() {
    Map<String, Long> invalid = summary.cases().invalidByReason();
    for (String reason :
        List.of(
            "invalid_event_id",
            "missing_user_id",
            "missing_ad_id",
            "missing_campaign_id",
            "negative_cost",
            "invalid_country")) {
      assertThat(invalid.getOrDefault(reason, 0L)).as(reason + " in " + invalid).isGreaterThan(10);
    }
    assertThat(events)
        .anyMatch(
            e ->
                "us".equals(e.country()) || e.country() != null && e.country().matches("[a-z]{2}"));
    assertThat(events).anyMatch(e -> e.country() != null && e.country().matches("[A-Z]{3}"));
  }

  @Test
  @DisplayName(
      "late events are from the two days before, and each day opens with a straggler of the last second before")
  void lateEventsAreFromTheTwoDaysBefore() {
    for (LandedEvent event : events) {
      LocalDate eventDate = ContractClassification.eventDate(event);
      LocalDate ingestDate = event.file().ingestDate();
      assertThat(eventDate).as(event.toString()).isBeforeOrEqualTo(ingestDate.plusDays(2));
    }
    for (DaySummary day : summary.days()) {
      GeneratedFile firstDump = day.files().get(0);
      LandedEvent opening = LandedEvents.read(firstDump).get(0);
      long lastSecondOfDayBefore =
          day.ingestDate()
              .minusDays(1)
              .atTime(LocalTime.of(23, 59, 59))
              .toInstant(ZoneOffset.UTC)
              .toEpochMilli();
      assertThat(opening.eventTime())
          .as(opening.toString())
          .isGreaterThanOrEqualTo(lastSecondOfDayBefore)
          .isLessThan(lastSecondOfDayBefore + 1000);
    }
    assertThat(byContract.late).isPositive();
    assertThat(byContract.tooLate).isPositive();
    assertThat(byContract.future).isPositive();
  }

  @Test
  @DisplayName("late events go back as many days as asked, and no further")
  void lateEventsSpreadOverTheDaysAsked(@TempDir Path spreadLake) throws IOException {
    GeneratorSpec spread =
        GeneratorSpec.of(FROM, 1, 4_000, 11)
            .withRates(new GeneratorRates(0.3, 0.2, 0, 0, 0, 0, 0, 0, 4));
    Map<Long, Long> byDaysLate =
        LandedEvents.of(new LandingGenerator().generate(spreadLake, spread)).stream()
            .collect(
                Collectors.groupingBy(
                    e ->
                        ChronoUnit.DAYS.between(
                            ContractClassification.eventDate(e), e.file().ingestDate()),
                    Collectors.counting()));

    assertThat(byDaysLate).containsOnlyKeys(0L, 1L, 2L, 3L, 4L);
    // A quarter of the late events are spread over 2 to 4 days: about 67 a day of 4,000 events.
    assertThat(byDaysLate.get(4L)).isBetween(30L, 110L);
  }

  @Test
  void cleanRatesGiveOnlyRegularEvents(@TempDir Path cleanLake) throws IOException {
    GeneratorSpec clean = GeneratorSpec.of(FROM, 2, 2_000, 11).withRates(GeneratorRates.clean());
    GenerationSummary cleanSummary = new LandingGenerator().generate(cleanLake, clean);
    assertThat(cleanSummary.cases().regular()).isEqualTo(4_000);
    assertThat(cleanSummary.cases().acceptedUnique()).isEqualTo(4_000);
    assertThat(cleanSummary.files()).allMatch(f -> f.schemaVersion() == 2);
  }

  private static void assertAbout(double expected, double actual, String what) {
    assertThat(actual).as(what + " share").isCloseTo(expected, within(expected * 0.3));
  }
}
