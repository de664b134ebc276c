package lakehouse.cli.metrics;

import java.time.LocalDate;

/**
 * The silver event dates a run's gold has just brought up to date: it searched them for changes
 * gold had not built and promoted every partition they touched. So no gold partition of these dates
 * is stale after the run, and the lake's gauges need not search them again.
 *
 * @param from the first event date
 * @param to the last event date
 */
public record GoldUpToDate(LocalDate from, LocalDate to) {
  /** Whether every event date from {@code first} to {@code last} is among these. */
  boolean covers(LocalDate first, LocalDate last) {
    return !first.isBefore(from) && !last.isAfter(to);
  }
}
