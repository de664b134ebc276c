package lakehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
    assertEquals(events.size(), cases.records());
    assertEquals(byContract.regular, cases.regular());
    assertEquals(byContract.late, cases.late());
    assertEquals(byContract.duplicateInFile, cases.duplicateInFile());
    assertEquals(byContract.duplicateSameDay, cases.duplicateSameDay());
    assertEquals(byContract.duplicateEarlierDay, cases.duplicateEarlierDay());
    assertEquals(byContract.invalidByReason, cases.invalidByReason());
    assertEquals(byContract.future, cases.future());
    assertEquals(byContract.tooLate, cases.tooLate());
    assertEquals(
        0, byContract.recordsWithSeveralReasons, "each quarantined record breaks one rule");
    assertEquals(
        cases.records(), cases.regular() + cases.late() + cases.duplicates() + cases.quarantined());
    assertEquals(cases.regular() + cases.late(), cases.acceptedUnique());
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
    assertTrue(cases.duplicateInFile() > 50, cases.describe());
    assertTrue(cases.duplicateSameDay() > 50, cases.describe());
    assertTrue(cases.duplicateEarlierDay() > 50, cases.describe());
    assertEquals(
        0, summary.days().get(0).cases().duplicateEarlierDay(), "nothing before the first day");
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
      assertTrue(invalid.getOrDefault(reason, 0L) > 10, reason + " in " + invalid);
    }
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    "us".equals(e.country())
                        || e.country() != null && e.country().matches("[a-z]{2}")));
    assertTrue(
        events.stream().anyMatch(e -> e.country() != null && e.country().matches("[A-Z]{3}")));
  }

  @Test
  @DisplayName(
      "late events are from the two days before, and each day opens with a straggler of the last second before")
  void lateEventsAreFromTheTwoDaysBefore() {
    for (LandedEvent event : events) {
      LocalDate eventDate = ContractClassification.eventDate(event);
      LocalDate ingestDate = event.file().ingestDate();
      assertTrue(!eventDate.isAfter(ingestDate.plusDays(2)), event.toString());
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
      assertTrue(
          opening.eventTime() >= lastSecondOfDayBefore
              && opening.eventTime() < lastSecondOfDayBefore + 1000,
          opening.toString());
    }
    assertTrue(byContract.late > 0 && byContract.tooLate > 0 && byContract.future > 0);
  }

  @Test
  void cleanRatesGiveOnlyRegularEvents(@TempDir Path cleanLake) throws IOException {
    GeneratorSpec clean = GeneratorSpec.of(FROM, 2, 2_000, 11).withRates(GeneratorRates.clean());
    GenerationSummary cleanSummary = new LandingGenerator().generate(cleanLake, clean);
    assertEquals(4_000, cleanSummary.cases().regular());
    assertEquals(4_000, cleanSummary.cases().acceptedUnique());
    assertTrue(cleanSummary.files().stream().allMatch(f -> f.schemaVersion() == 2));
  }

  private static void assertAbout(double expected, double actual, String what) {
    assertEquals(expected, actual, expected * 0.3, what + " share");
  }
}
