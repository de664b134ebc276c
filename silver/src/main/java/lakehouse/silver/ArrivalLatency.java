package lakehouse.silver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How late the records of one ingest date arrived: the run report's {@code silver.arrival_latency}.
 * A record's arrival latency is the end of its ingest date (the next day at 00:00 UTC) minus its
 * event_time; it is {@link #DAYS_LATE_CAP} or fewer whole days late when the ingest date minus the
 * UTC date of its event_time is that many days.
 *
 * <p>Every record silver decided on counts, the quarantined ones too: a record quarantined as
 * too_late is exactly the one the allowed lateness is about. Records with no event_time, or one
 * past the future boundary (quarantined as future_event_time), say nothing about lateness and are
 * only counted apart. A record within the clock-skew tolerance after the end of the ingest date
 * counts as 0 days late, with a negative latency.
 *
 * @param ingestDate the ingest date the records were delivered on
 * @param records records considered: {@code daysLate} adds up to this
 * @param withoutEventTime records left out because their event_time is null
 * @param future records left out because their event_time is past the future boundary
 * @param seconds percentiles of the latency in seconds, or null when no record was considered
 * @param daysLate exact counts of records by days late: "0" to "30", then "more"
 */
public record ArrivalLatency(
    @JsonProperty("ingest_date") String ingestDate,
    @JsonProperty("records") long records,
    @JsonProperty("without_event_time") long withoutEventTime,
    @JsonProperty("future") long future,
    @JsonProperty("seconds") @JsonInclude(JsonInclude.Include.ALWAYS) LatencyPercentiles seconds,
    @JsonProperty("days_late") Map<String, Long> daysLate) {

  /** Days late counted one by one; a recommendation past a month is a question for people. */
  public static final int DAYS_LATE_CAP = 30;

  /** The bucket of records more than {@link #DAYS_LATE_CAP} days late. */
  public static final String MORE = "more";

  public ArrivalLatency {
    daysLate = Collections.unmodifiableMap(new LinkedHashMap<>(daysLate));
  }

  /** A run that read no record. */
  public static ArrivalLatency none(LocalDate ingestDate) {
    return new ArrivalLatency(ingestDate.toString(), 0, 0, 0, null, emptyDaysLate());
  }

  /** Every bucket, in order, with no record. */
  public static Map<String, Long> emptyDaysLate() {
    Map<String, Long> buckets = new LinkedHashMap<>();
    for (int days = 0; days <= DAYS_LATE_CAP; days++) {
      buckets.put(String.valueOf(days), 0L);
    }
    buckets.put(MORE, 0L);
    return buckets;
  }

  /**
   * Percentiles of arrival latency, in seconds.
   *
   * @param p50 the median, and so on: approximate (see {@link ArrivalLatencyAggregate})
   * @param max the exact largest latency
   */
  public record LatencyPercentiles(
      @JsonProperty("p50") long p50,
      @JsonProperty("p90") long p90,
      @JsonProperty("p99") long p99,
      @JsonProperty("p99_9") long p999,
      @JsonProperty("max") long max) {}
}
