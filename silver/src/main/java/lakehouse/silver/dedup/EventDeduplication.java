package lakehouse.silver.dedup;

import static org.apache.spark.sql.functions.col;
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

  private static final String ACCEPTED = "_accepted";
  private static final String ACCEPTED_INGEST_DATE = ACCEPTED + "." + SilverEvents.INGEST_DATE;
  private static final String ACCEPTED_SOURCE_FILE = ACCEPTED + "." + SilverEvents.SOURCE_FILE;

  private EventDeduplication() {}

  /**
   * Adds {@link #OUTCOME} to every candidate.
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
    // One lineage per accepted event id, so the join never multiplies candidates.
    Dataset<Row> acceptedLineage =
        accepted
            .groupBy(col(SilverEvents.EVENT_ID))
            .agg(
                min(struct(col(SilverEvents.INGEST_DATE), col(SilverEvents.SOURCE_FILE)))
                    .as(ACCEPTED));

    WindowSpec copiesInOrder =
        Window.partitionBy(col(BronzeEvents.EVENT_ID))
            .orderBy(
                col(BronzeEvents.INGEST_DATE),
                col(BronzeEvents.SOURCE_FILE),
                col(BronzeEvents.SOURCE_POSITION));
    Column firstCopyOfRun = row_number().over(copiesInOrder).equalTo(1);
    Column previousFile = lag(col(BronzeEvents.SOURCE_FILE), 1).over(copiesInOrder);
    Column previousIngestDate = lag(col(BronzeEvents.INGEST_DATE), 1).over(copiesInOrder);
    Column firstCopyOfItsFile =
        previousFile
            .isNull()
            .or(previousFile.notEqual(col(BronzeEvents.SOURCE_FILE)))
            .or(previousIngestDate.notEqual(col(BronzeEvents.INGEST_DATE)));
    // Silver keeps no position, but the copy it holds from a file was that file's first: dedup
    // keeps the first copy by position, and a file's copies are adjacent in (ingest date, file,
    // position) order.
    Column isSilversCopy =
        col(ACCEPTED_INGEST_DATE)
            .equalTo(col(BronzeEvents.INGEST_DATE))
            .and(col(ACCEPTED_SOURCE_FILE).equalTo(col(BronzeEvents.SOURCE_FILE)))
            .and(firstCopyOfItsFile);
    if (!completedFiles.isEmpty()) {
      isSilversCopy =
          isSilversCopy.and(not(col(ACCEPTED_SOURCE_FILE).isin(completedFiles.toArray())));
    }

    Column outcome =
        when(
                col(ACCEPTED).isNull(),
                when(firstCopyOfRun, lit(DedupOutcome.NEW.name()))
                    .otherwise(lit(DedupOutcome.DUPLICATE.name())))
            .when(isSilversCopy, lit(DedupOutcome.ALREADY_ACCEPTED.name()))
            .otherwise(lit(DedupOutcome.DUPLICATE.name()));

    return candidates
        .join(
            acceptedLineage,
            candidates
                .col(BronzeEvents.EVENT_ID)
                .equalTo(acceptedLineage.col(SilverEvents.EVENT_ID)),
            "left")
        .drop(acceptedLineage.col(SilverEvents.EVENT_ID))
        .withColumn(OUTCOME, outcome)
        .drop(ACCEPTED);
  }

  /** Whether a classified record has the outcome. */
  public static Column is(DedupOutcome outcome) {
    return col(OUTCOME).equalTo(lit(outcome.name()));
  }
}
