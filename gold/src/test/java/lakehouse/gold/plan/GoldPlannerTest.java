package lakehouse.gold.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoldPlannerTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");

  private static List<LocalDate> days(String... dates) {
    return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
  }

  @Test
  @DisplayName(
      "late events of two days ago rebuild user features from that day to the ingest date, and that campaign day")
  void lateEventsRebuildFromTheirDayToTheIngestDate() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of(D.minusDays(2)));

    assertThat(plan.userFeaturesAsOfDates())
        .containsExactlyElementsOf(days("2026-11-21", "2026-11-22", "2026-11-23"));
    assertThat(plan.campaignDailyDates()).containsExactlyElementsOf(days("2026-11-21"));
  }

  @Test
  void theIngestDateIsAlwaysBuiltEvenWhenNothingChanged() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of());

    assertThat(plan.userFeaturesAsOfDates()).containsExactlyElementsOf(days("2026-11-23"));
    assertThat(plan.campaignDailyDates()).isEmpty();
  }

  @Test
  @DisplayName(
      "an event date after the ingest date rebuilds its campaign day, but no as-of date after the ingest date")
  void aFutureEventDateRebuildsOnlyItsCampaignDay() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of(D, D.plusDays(1)));

    assertThat(plan.userFeaturesAsOfDates()).containsExactlyElementsOf(days("2026-11-23"));
    assertThat(plan.campaignDailyDates())
        .containsExactlyElementsOf(days("2026-11-23", "2026-11-24"));
  }

  @Test
  @DisplayName("an old changed date rebuilds only the seven windows that contain it")
  void anOldChangedDateRebuildsOnlyItsSevenWindows() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of(LocalDate.parse("2026-11-01")));

    assertThat(plan.userFeaturesAsOfDates())
        .containsExactlyElementsOf(
            days(
                "2026-11-01",
                "2026-11-02",
                "2026-11-03",
                "2026-11-04",
                "2026-11-05",
                "2026-11-06",
                "2026-11-07",
                "2026-11-23"));
  }

  @Test
  void aRebuildOfGoldAloneBuildsExactlyItsDatesInBothTables() {
    GoldPlan plan =
        GoldPlanner.rebuild(
            new java.util.TreeSet<>(days("2026-11-20", "2026-11-21", "2026-11-23")));

    assertThat(plan.userFeaturesAsOfDates())
        .containsExactlyElementsOf(days("2026-11-20", "2026-11-21", "2026-11-23"));
    assertThat(plan.campaignDailyDates())
        .containsExactlyElementsOf(days("2026-11-20", "2026-11-21", "2026-11-23"));
  }
}
