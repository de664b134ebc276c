package lakehouse.gold.plan;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import lakehouse.shared.tables.UserFeatures;

/**
 * Decides which gold partitions a run rebuilds from the event dates it changed in silver (contract,
 * "Late data"). A changed event date c is inside the window of every as-of date A with c &lt;= A
 * &lt;= c + 6, so those as-of dates are rebuilt, but never one after the ingest date D: the run for
 * D cannot know D+1's data, and the run for D+1 will build it. The as-of date D is always built,
 * even when nothing changed, so every night has a current feature partition.
 */
public final class GoldPlanner {
  private GoldPlanner() {}

  public static GoldPlan plan(LocalDate ingestDate, Set<LocalDate> changedEventDates) {
    TreeSet<LocalDate> asOfDates = new TreeSet<>();
    asOfDates.add(ingestDate);
    for (LocalDate changed : changedEventDates) {
      LocalDate lastWindowContainingIt = changed.plusDays(UserFeatures.WINDOW_DAYS - 1L);
      for (LocalDate asOf = changed;
          !asOf.isAfter(lastWindowContainingIt) && !asOf.isAfter(ingestDate);
          asOf = asOf.plusDays(1)) {
        asOfDates.add(asOf);
      }
    }
    return new GoldPlan(ingestDate, asOfDates, new TreeSet<>(changedEventDates));
  }

  /**
   * Rebuilding gold from silver as it is (a backfill of gold alone): exactly the given dates of
   * both tables, user_features as of each and campaign_daily of each. No other partition is
   * touched, since silver did not change under them in this run.
   */
  public static GoldPlan rebuild(SortedSet<LocalDate> dates) {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("no date to rebuild");
    }
    return new GoldPlan(dates.last(), dates, dates);
  }
}
