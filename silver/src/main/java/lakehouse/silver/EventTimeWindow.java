package lakehouse.silver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import lakehouse.shared.config.SilverSettings;

/**
 * The event times the run for one ingest date accepts. The watermark ({@code earliestDate}) bounds
 * how late an event may arrive; the clock-skew tolerance bounds how far ahead of the end of the
 * ingest date a producer's clock may run. The same window bounds the dedup search, so state never
 * grows with history.
 *
 * @param earliestDate the first accepted event date: ingest date minus the allowed lateness
 * @param futureBoundary event times at or after this instant are quarantined as future
 */
public record EventTimeWindow(
    LocalDate ingestDate, LocalDate earliestDate, Instant futureBoundary) {

  public static EventTimeWindow of(LocalDate ingestDate, SilverSettings settings) {
    if (settings.allowedLatenessDays() < 0 || settings.clockSkewTolerance().isNegative()) {
      throw new IllegalArgumentException("silver settings must not be negative: " + settings);
    }
    Instant endOfIngestDate = ingestDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new EventTimeWindow(
        ingestDate,
        ingestDate.minusDays(settings.allowedLatenessDays()),
        endOfIngestDate.plus(settings.clockSkewTolerance()));
  }

  /** The last accepted event date: the date of the last instant before the future boundary. */
  public LocalDate latestDate() {
    return LocalDate.ofInstant(futureBoundary.minus(Duration.ofNanos(1000)), ZoneOffset.UTC);
  }

  /** Every accepted event date, oldest first. */
  public List<LocalDate> acceptedDates() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate date = earliestDate; !date.isAfter(latestDate()); date = date.plusDays(1)) {
      dates.add(date);
    }
    return dates;
  }
}
