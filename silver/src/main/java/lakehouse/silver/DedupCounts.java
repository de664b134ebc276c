package lakehouse.silver;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.silver.dedup.DedupOutcome;
import lakehouse.silver.dedup.EventDeduplication;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Outcome of dedup over a run's valid records.
 *
 * @param changedEventDates event dates whose silver partition holds events of this run's input:
 *     those of the new events, and of events an interrupted earlier attempt already appended (their
 *     feature groups may not have been rebuilt yet)
 */
public record DedupCounts(
    long newEvents, long duplicates, long alreadyAccepted, SortedSet<LocalDate> changedEventDates) {

  /**
   * Counts from the records dedup did not keep and the valid records per event date: every other
   * valid record is new, so only the few records not kept are grouped.
   *
   * @param notNew the valid records whose outcome is not {@link DedupOutcome#NEW}, with their
   *     outcome and event date
   */
  public static DedupCounts of(Dataset<Row> notNew, SortedMap<LocalDate, Long> validByEventDate) {
    SortedMap<LocalDate, Long> newByDate = new TreeMap<>(validByEventDate);
    long duplicates = 0;
    long already = 0;
    SortedSet<LocalDate> changed = new TreeSet<>();
    for (Row group :
        notNew
            .groupBy(col(EventDeduplication.OUTCOME), col(SilverEvents.EVENT_DATE))
            .count()
            .collectAsList()) {
      DedupOutcome outcome = DedupOutcome.valueOf(group.getString(0));
      LocalDate date = group.getDate(1).toLocalDate();
      long rows = group.getLong(2);
      newByDate.merge(date, -rows, Long::sum);
      switch (outcome) {
        case DUPLICATE -> duplicates += rows;
        case ALREADY_ACCEPTED -> {
          already += rows;
          changed.add(date);
        }
        case NEW -> throw new IllegalArgumentException("a new event among those not kept: " + date);
      }
    }
    long fresh = 0;
    for (Map.Entry<LocalDate, Long> date : newByDate.entrySet()) {
      if (date.getValue() < 0) {
        throw new IllegalStateException(
            "dedup dropped more records of " + date.getKey() + " than were valid");
      }
      if (date.getValue() > 0) {
        fresh += date.getValue();
        changed.add(date.getKey());
      }
    }
    return new DedupCounts(fresh, duplicates, already, Collections.unmodifiableSortedSet(changed));
  }
}
