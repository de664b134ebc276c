package lakehouse.silver.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Set;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.SilverEvents;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Decides which valid records are new events. An event is identified by {@code event_id} alone.
 * Among the copies of one run, the first by (ingest date, source file, position in file) is kept; a
 * copy of an event silver already holds is dropped, and silver's copy stays. Everything is keyed by
 * event id, which is uniformly spread, so no user or ad with many events becomes a hot task.
 */
public final class EventDeduplication {
  /** The column holding each record's {@link DedupOutcome} name. */
  public static final String OUTCOME = "dedup_outcome";

  /** Marks silver's copies among the run's copies while they are classified together. */
  private static final String IN_SILVER = "_in_silver";

  private static final String ACCEPTED = "_accepted";
  private static final String DROPPED_FINGERPRINT = "_dropped_fingerprint";
  private static final String DROPPED_POSITION = "_dropped_position";
  private static final String FIRST_OF_RUN = "_first_copy_of_run";
  private static final String FIRST_OF_FILE = "_first_copy_of_its_file";
  private static final String ACCEPTED_INGEST_DATE = ACCEPTED + "." + SilverEvents.INGEST_DATE;
  private static final String ACCEPTED_SOURCE_FILE = ACCEPTED + "." + SilverEvents.SOURCE_FILE;

  private EventDeduplication() {}

  /**
   * Adds {@link #OUTCOME} to every candidate.
   *
   * <p>Silver's copies and the run's copies of an event meet in one window, silver's first, so the
   * whole decision costs one shuffle and one sort by event id (a join with silver followed by a
   * window would shuffle and sort the candidates twice).
   *
   * @param candidates valid records of this run, with bronze lineage (ingest date, source file,
   *     position)
   * @param accepted silver events of the dates this run can accept (the watermark bounds the
   *     search)
   * @param completedFiles source files whose processing completed: silver's copy of an event from
   *     one of them came from that completed delivery, so a copy in a later delivery of the same
   *     path (a file delivered again with other content) is a duplicate, never silver's own copy
   */
  public static Dataset<Row> classify(
      Dataset<Row> candidates, Dataset<Row> accepted, Set<String> completedFiles) {
    Dataset<Row> silverCopies =
        accepted.select(
            col(SilverEvents.EVENT_ID).as(BronzeEvents.EVENT_ID),
            col(SilverEvents.INGEST_DATE).as(BronzeEvents.INGEST_DATE),
            col(SilverEvents.SOURCE_FILE).as(BronzeEvents.SOURCE_FILE),
            lit(true).as(IN_SILVER));
    Dataset<Row> copies =
        candidates.withColumn(IN_SILVER, lit(false)).unionByName(silverCopies, true);

    WindowSpec copiesInOrder =
        Window.partitionBy(col(BronzeEvents.EVENT_ID))
            .orderBy(
                col(IN_SILVER).desc(),
                col(BronzeEvents.INGEST_DATE),
                col(BronzeEvents.SOURCE_FILE),
                col(BronzeEvents.SOURCE_POSITION));
    WindowSpec allCopies =
        copiesInOrder.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column inSilver = col(IN_SILVER);
    // One lineage per accepted event id (the smallest, should silver ever hold two copies).
    Column acceptedLineage =
        min(when(inSilver, struct(col(BronzeEvents.INGEST_DATE), col(BronzeEvents.SOURCE_FILE))))
            .over(allCopies);
    Column silverCopiesOfEvent = count_if(inSilver).over(allCopies);
    // Silver's copies come first, so the run's first copy follows them.
    Column firstCopyOfRun =
        row_number().over(copiesInOrder).equalTo(silverCopiesOfEvent.plus(lit(1)));
    Column previousInSilver = lag(inSilver, 1).over(copiesInOrder);
    Column previousFile = lag(col(BronzeEvents.SOURCE_FILE), 1).over(copiesInOrder);
    Column previousIngestDate = lag(col(BronzeEvents.INGEST_DATE), 1).over(copiesInOrder);
    // No earlier copy of the run (none at all, or silver's) or one from another file.
    Column firstCopyOfItsFile =
        previousInSilver
            .isNull()
            .or(previousInSilver)
            .or(previousFile.notEqual(col(BronzeEvents.SOURCE_FILE)))
            .or(previousIngestDate.notEqual(col(BronzeEvents.INGEST_DATE)));
    // Silver keeps no position, but the copy it holds from a file was that file's first: dedup
    // keeps the first copy by position, and a file's copies are adjacent in (ingest date, file,
    // position) order.
    Column isSilversCopy =
        col(ACCEPTED_INGEST_DATE)
            .equalTo(col(BronzeEvents.INGEST_DATE))
            .and(col(ACCEPTED_SOURCE_FILE).equalTo(col(BronzeEvents.SOURCE_FILE)))
            .and(col(FIRST_OF_FILE));
    if (!completedFiles.isEmpty()) {
      isSilversCopy =
          isSilversCopy.and(not(col(ACCEPTED_SOURCE_FILE).isin(completedFiles.toArray())));
    }

    Column outcome =
        when(
                col(ACCEPTED).isNull(),
                when(col(FIRST_OF_RUN), lit(DedupOutcome.NEW.name()))
                    .otherwise(lit(DedupOutcome.DUPLICATE.name())))
            .when(isSilversCopy, lit(DedupOutcome.ALREADY_ACCEPTED.name()))
            .otherwise(lit(DedupOutcome.DUPLICATE.name()));

    return copies
        .select(
            col("*"),
            acceptedLineage.as(ACCEPTED),
            firstCopyOfRun.as(FIRST_OF_RUN),
            firstCopyOfItsFile.as(FIRST_OF_FILE))
        .where(not(inSilver))
        .withColumn(OUTCOME, outcome)
        .drop(IN_SILVER, ACCEPTED, FIRST_OF_RUN, FIRST_OF_FILE);
  }

  /**
   * The classified records dedup does not keep (duplicates and silver's own copies), reduced to
   * their identity in bronze (delivery and position), outcome and event date. They are few, so they
   * are cheap to keep for the run and to count; the new events are then {@link #kept} without a
   * second classification.
   */
  public static Dataset<Row> notKept(Dataset<Row> classified) {
    return classified
        .where(not(is(DedupOutcome.NEW)))
        .select(
            col(BronzeEvents.SOURCE_FINGERPRINT),
            col(BronzeEvents.SOURCE_POSITION),
            col(OUTCOME),
            col(SilverEvents.EVENT_DATE));
  }

  /**
   * The candidates dedup keeps: all but those {@link #notKept}, matched by their identity in bronze
   * (a bronze record is one position of one delivery). The few records not kept are broadcast, so
   * the candidates are neither shuffled nor sorted.
   */
  public static Dataset<Row> kept(Dataset<Row> candidates, Dataset<Row> notKept) {
    Dataset<Row> dropped =
        notKept.select(
            col(BronzeEvents.SOURCE_FINGERPRINT).as(DROPPED_FINGERPRINT),
            col(BronzeEvents.SOURCE_POSITION).as(DROPPED_POSITION));
    return candidates.join(
        dropped,
        candidates
            .col(BronzeEvents.SOURCE_FINGERPRINT)
            .equalTo(dropped.col(DROPPED_FINGERPRINT))
            .and(
                candidates
                    .col(BronzeEvents.SOURCE_POSITION)
                    .equalTo(dropped.col(DROPPED_POSITION))),
        "left_anti");
  }

  /** Whether a classified record has the outcome. */
  public static Column is(DedupOutcome outcome) {
    return col(OUTCOME).equalTo(lit(outcome.name()));
  }
}
