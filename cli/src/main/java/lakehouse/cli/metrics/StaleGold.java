package lakehouse.cli.metrics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserFeatures;

/** The gold partitions that silver event dates changed after gold last built them leave stale. */
final class StaleGold {
  private StaleGold() {}

  /**
   * Per gold table, its stale partitions: campaign_daily of each changed date; user_features as of
   * every date whose window holds a changed date, up to the newest date built.
   */
  static Map<String, Long> partitions(Set<LocalDate> changedEventDates, LocalDate newest) {
    Set<LocalDate> asOfDates = new TreeSet<>();
    for (LocalDate changed : changedEventDates) {
      for (LocalDate asOf = changed;
          asOf.isBefore(changed.plusDays(UserFeatures.WINDOW_DAYS)) && !asOf.isAfter(newest);
          asOf = asOf.plusDays(1)) {
        asOfDates.add(asOf);
      }
    }
    Map<String, Long> stale = new LinkedHashMap<>();
    stale.put(UserFeatures.NAME, (long) asOfDates.size());
    stale.put(CampaignDaily.NAME, (long) changedEventDates.size());
    return stale;
  }
}
