package lakehouse.silver;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.silver.dedup.DedupOutcome;
import lakehouse.silver.dedup.EventDeduplication;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Outcome of dedup over a run's valid records, counted in one pass.
 *
 * @param changedEventDates event dates whose silver partition holds events of this run's input:
 *     those of the new events, and of events an interrupted earlier attempt already appended (their
 *     feature groups may not have been rebuilt yet)
 */
public record DedupCounts(
    long newEvents, long duplicates, long alreadyAccepted, SortedSet<LocalDate> changedEventDates) {

  public static DedupCounts of(Dataset<Row> classified) {
    long fresh = 0;
    long duplicates = 0;
    long already = 0;
    SortedSet<LocalDate> changed = new TreeSet<>();
    for (Row group :
        classified
            .groupBy(col(EventDeduplication.OUTCOME), col(SilverEvents.EVENT_DATE))
            .count()
            .collectAsList()) {
      DedupOutcome outcome = DedupOutcome.valueOf(group.getString(0));
      long rows = group.getLong(2);
      switch (outcome) {
        case NEW -> fresh += rows;
        case DUPLICATE -> duplicates += rows;
        case ALREADY_ACCEPTED -> already += rows;
      }
      if (outcome != DedupOutcome.DUPLICATE) {
        changed.add(group.getDate(1).toLocalDate());
      }
    }
    return new DedupCounts(fresh, duplicates, already, Collections.unmodifiableSortedSet(changed));
  }
}
