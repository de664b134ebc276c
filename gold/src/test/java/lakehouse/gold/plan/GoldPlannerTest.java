package lakehouse.gold.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoldPlannerTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");

  private static List<LocalDate> days(String... dates) {
    return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
  }

  @Test
  void lateEventsOfTwoDaysAgoRebuildUserFeaturesFromThatDayToTheIngestDateAndThatCampaignDay() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of(D.minusDays(2)));

    assertEquals(days("2026-11-21", "2026-11-22", "2026-11-23"), List.copyOf(plan.userFeaturesAsOfDates()));
    assertEquals(days("2026-11-21"), List.copyOf(plan.campaignDailyDates()));
  }

  @Test
  void theIngestDateIsAlwaysBuiltEvenWhenNothingChanged() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of());

    assertEquals(days("2026-11-23"), List.copyOf(plan.userFeaturesAsOfDates()));
    assertEquals(List.of(), List.copyOf(plan.campaignDailyDates()));
  }

  @Test
  void anEventDateAfterTheIngestDateRebuildsItsCampaignDayButNoAsOfDateAfterTheIngestDate() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of(D, D.plusDays(1)));

    assertEquals(days("2026-11-23"), List.copyOf(plan.userFeaturesAsOfDates()));
    assertEquals(days("2026-11-23", "2026-11-24"), List.copyOf(plan.campaignDailyDates()));
  }

  @Test
  void anOldChangedDateRebuildsOnlyTheSevenWindowsThatContainIt() {
    GoldPlan plan = GoldPlanner.plan(D, Set.of(LocalDate.parse("2026-11-01")));

    assertEquals(days("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06",
        "2026-11-07", "2026-11-23"), List.copyOf(plan.userFeaturesAsOfDates()));
  }

  @Test
  void aRebuildOfGoldAloneBuildsExactlyItsDatesInBothTables() {
    GoldPlan plan = GoldPlanner.rebuild(new java.util.TreeSet<>(days("2026-11-20", "2026-11-21", "2026-11-23")));

    assertEquals(days("2026-11-20", "2026-11-21", "2026-11-23"), List.copyOf(plan.userFeaturesAsOfDates()));
    assertEquals(days("2026-11-20", "2026-11-21", "2026-11-23"), List.copyOf(plan.campaignDailyDates()));
  }
}
