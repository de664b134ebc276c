package lakehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import lakehouse.shared.tables.SilverEvents;
import lakehouse.silver.table.DeclaredTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lineage of the events silver holds among the dates one ingest date can accept: what dedup
 * searches. The watermark bounds it, so the search never grows with history.
 */
public final class AcceptedEvents {
  private AcceptedEvents() {}

  /** As of the events table's current version, read once on the driver and pinned. */
  public static Dataset<Row> within(
      SparkSession spark, DeclaredTable events, EventTimeWindow window) {
    long version = events.version(spark);
    Dataset<Row> accepted = version < 0 ? events.empty(spark) : events.readAsOf(spark, version);
    return accepted
        .where(
            col(SilverEvents.EVENT_DATE)
                .between(lit(window.earliestDate()), lit(window.latestDate())))
        .select(SilverEvents.EVENT_ID, SilverEvents.INGEST_DATE, SilverEvents.SOURCE_FILE);
  }
}
