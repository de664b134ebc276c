package lakehouse.gold.plan;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * The gold partitions one run rebuilds.
 *
 * @param userFeaturesAsOfDates as-of dates of {@code user_features} to rebuild, ascending
 * @param campaignDailyDates event dates of {@code campaign_daily} to rebuild, ascending
 */
public record GoldPlan(
    LocalDate ingestDate,
    SortedSet<LocalDate> userFeaturesAsOfDates,
    SortedSet<LocalDate> campaignDailyDates) {

  public GoldPlan {
    userFeaturesAsOfDates =
        java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(userFeaturesAsOfDates));
    campaignDailyDates =
        java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(campaignDailyDates));
  }
}
