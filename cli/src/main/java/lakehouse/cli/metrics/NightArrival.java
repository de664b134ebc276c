package lakehouse.cli.metrics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one ingest date's records said about lateness, from the run reports of that date: their
 * counts by days late and how many the allowed lateness in force quarantined as too_late.
 *
 * @param ingestDate the ingest date
 * @param daysLate records by days late, in the buckets of silver's {@code
 *     arrival_latency.days_late}
 * @param tooLate records quarantined as too_late
 */
public record NightArrival(LocalDate ingestDate, Map<String, Long> daysLate, long tooLate) {

  public NightArrival {
    daysLate = Collections.unmodifiableMap(new LinkedHashMap<>(daysLate));
  }

  /** Records counted: the sum of the buckets. */
  public long records() {
    return daysLate.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Both nights' records together: the run reports of one date add up, since a run of a date reads
   * only the files no earlier run of it processed.
   */
  public NightArrival plus(NightArrival other) {
    Map<String, Long> sum = new LinkedHashMap<>(daysLate);
    other.daysLate.forEach((bucket, n) -> sum.merge(bucket, n, Long::sum));
    return new NightArrival(ingestDate, sum, tooLate + other.tooLate);
  }
}
