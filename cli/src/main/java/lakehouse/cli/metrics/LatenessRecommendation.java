package lakehouse.cli.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import lakehouse.silver.ArrivalLatency;

/**
 * The allowed lateness the measured lateness recommends: the fewest whole days that would have kept
 * at least {@code keepShare} of the events of the nights looked at, beside the allowed lateness in
 * force and the events it quarantined as too_late over those nights. Only a recommendation: nothing
 * changes the setting.
 *
 * <p>An allowed lateness of d days keeps the events d or fewer days late, so the recommendation is
 * read off the nights' exact counts by days late, added up; percentiles could not add up.
 *
 * @param configuredDays the allowed lateness in force ({@code
 *     lakehouse.silver.allowed-lateness-days})
 * @param recommendedDays the recommendation; null when the nights hold no event; {@link
 *     ArrivalLatency#DAYS_LATE_CAP} + 1 when more days than are counted one by one are needed
 * @param beyondCountedDays whether the recommendation is "more than {@link
 *     ArrivalLatency#DAYS_LATE_CAP} days"
 * @param keepShare the share of events to keep
 * @param nights the nights looked at: ingest dates with events, at most the configured number
 * @param firstNight the oldest of them, or null
 * @param lastNight the newest of them, or null
 * @param events their events, too_late ones included
 * @param keptByConfigured the share of those events the allowed lateness in force keeps, or null
 * @param rejectedTooLate events those nights quarantined as too_late
 */
public record LatenessRecommendation(
    @JsonProperty("configured_days") int configuredDays,
    @JsonProperty("recommended_days") Integer recommendedDays,
    @JsonProperty("beyond_counted_days") boolean beyondCountedDays,
    @JsonProperty("keep_share") double keepShare,
    @JsonProperty("nights") int nights,
    @JsonProperty("first_night") String firstNight,
    @JsonProperty("last_night") String lastNight,
    @JsonProperty("events") long events,
    @JsonProperty("kept_by_configured") Double keptByConfigured,
    @JsonProperty("rejected_too_late") long rejectedTooLate) {

  /**
   * The recommendation from the given nights (all of them: choosing the nights is the caller's).
   */
  public static LatenessRecommendation of(
      Collection<NightArrival> nights, double keepShare, int configuredDays) {
    long[] byDays = new long[ArrivalLatency.DAYS_LATE_CAP + 2];
    long tooLate = 0;
    for (NightArrival night : nights) {
      for (int days = 0; days <= ArrivalLatency.DAYS_LATE_CAP; days++) {
        byDays[days] += night.daysLate().getOrDefault(String.valueOf(days), 0L);
      }
      byDays[byDays.length - 1] += night.daysLate().getOrDefault(ArrivalLatency.MORE, 0L);
      tooLate += night.tooLate();
    }
    long events = 0;
    for (long n : byDays) {
      events += n;
    }
    // The threshold in decimal: a share of 0.999 of 1,000 events is exactly 999 of them, which a
    // double product (998.999...) would let 998 pass for.
    BigDecimal needed = BigDecimal.valueOf(keepShare).multiply(BigDecimal.valueOf(events));
    Integer recommended = null;
    long kept = 0;
    for (int days = 0; days < byDays.length && events > 0 && recommended == null; days++) {
      kept += byDays[days];
      if (BigDecimal.valueOf(kept).compareTo(needed) >= 0) {
        recommended = days;
      }
    }
    Double keptByConfigured = null;
    if (events > 0) {
      long keptConfigured = 0;
      for (int days = 0; days <= Math.min(configuredDays, ArrivalLatency.DAYS_LATE_CAP); days++) {
        keptConfigured += byDays[days];
      }
      keptByConfigured = (double) keptConfigured / events;
    }
    Comparator<NightArrival> byDate = Comparator.comparing(NightArrival::ingestDate);
    return new LatenessRecommendation(
        configuredDays,
        recommended,
        recommended != null && recommended > ArrivalLatency.DAYS_LATE_CAP,
        keepShare,
        nights.size(),
        nights.stream().min(byDate).map(n -> n.ingestDate().toString()).orElse(null),
        nights.stream().max(byDate).map(n -> n.ingestDate().toString()).orElse(null),
        events,
        keptByConfigured,
        tooLate);
  }

  /** Whether the recommendation is a longer allowed lateness than the one in force. */
  public boolean exceedsConfigured() {
    return recommendedDays != null && recommendedDays > configuredDays;
  }

  /**
   * One line: the allowed lateness in force, what it rejected, and what the nights measured
   * recommend.
   */
  public String line() {
    String configured = String.format("allowed lateness: %d days configured", configuredDays());
    if (recommendedDays() == null) {
      return configured + "; no night measured yet, nothing to recommend";
    }
    String recommended =
        beyondCountedDays()
            ? "more than " + ArrivalLatency.DAYS_LATE_CAP + " days"
            : recommendedDays() + " days";
    return String.format(
        Locale.ROOT,
        "%s, %,d events rejected as too_late over the last %d nights (%s to %s);"
            + " recommended: %s, to keep %s%% of their %,d events (the configured value kept %s%%)",
        configured,
        rejectedTooLate(),
        nights(),
        firstNight(),
        lastNight(),
        recommended,
        percent(keepShare()),
        events(),
        percent(keptByConfigured()));
  }

  private static String percent(double share) {
    return new BigDecimal(share * 100)
        .round(new MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
