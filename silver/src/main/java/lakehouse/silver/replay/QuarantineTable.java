package lakehouse.silver.replay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.Quarantine;
import lakehouse.silver.table.DeclaredTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The quarantine as a replay reads and marks it. A record is released by setting {@link
 * Quarantine#RELEASED_BY_RUN} to the replay's run id: it stays in the table (an audit trail, never
 * a delete), and a released record is never read for release again. The column is added by the
 * first release, to the table as it is (Delta's ADD COLUMNS, a metadata-only commit), so a lake
 * written before replays existed accepts it; a table without it has released nothing yet.
 */
final class QuarantineTable {
  private final SparkSession spark;
  private final DeclaredTable table;
  private final long version;

  /** The table at its current version, which every read of this replay sees. */
  QuarantineTable(SparkSession spark, DeclaredTable table) {
    this.spark = spark;
    this.table = table;
    this.version = table.version(spark);
  }

  /** The records of an ingest date not released yet; none when the table does not exist. */
  Dataset<Row> unreleased(LocalDate ingestDate) {
    Dataset<Row> ofDate = ofDate(ingestDate);
    return hasReleaseColumn(ofDate)
        ? ofDate.where(col(Quarantine.RELEASED_BY_RUN).isNull())
        : ofDate;
  }

  /** How many records of the ingest dates earlier replays released. */
  long alreadyReleased(LocalDate from, LocalDate to) {
    if (version < 0) {
      return 0;
    }
    Dataset<Row> rows = table.readAsOf(spark, version);
    if (!hasReleaseColumn(rows)) {
      return 0;
    }
    return rows.where(
            col(BronzeEvents.INGEST_DATE)
                .between(lit(from), lit(to))
                .and(col(Quarantine.RELEASED_BY_RUN).isNotNull()))
        .count();
  }

  /**
   * Marks the records released by the run, in one commit; a record released already keeps the run
   * that released it.
   *
   * @param released the released records' identity: ingest date, source fingerprint, position
   */
  void markReleased(Dataset<Row> released, LocalDate from, LocalDate to, String runId) {
    addReleaseColumnIfMissing();
    String target = "q";
    String source = "r";
    DeltaTable.forPath(spark, table.path())
        .as(target)
        .merge(
            released.as(source),
            // The ingest dates first, so that Delta reads only their partitions.
            col(target + "." + BronzeEvents.INGEST_DATE)
                .between(lit(from), lit(to))
                .and(same(target, source, BronzeEvents.INGEST_DATE))
                .and(same(target, source, BronzeEvents.SOURCE_FINGERPRINT))
                .and(same(target, source, BronzeEvents.SOURCE_POSITION))
                .and(col(target + "." + Quarantine.RELEASED_BY_RUN).isNull()))
        .whenMatched()
        .update(Map.of(Quarantine.RELEASED_BY_RUN, lit(runId)))
        .execute();
  }

  private static Column same(String target, String source, String column) {
    return col(target + "." + column).equalTo(col(source + "." + column));
  }

  private Dataset<Row> ofDate(LocalDate ingestDate) {
    if (version < 0) {
      return table.empty(spark);
    }
    return table
        .readAsOf(spark, version)
        .where(col(BronzeEvents.INGEST_DATE).equalTo(lit(ingestDate)));
  }

  private void addReleaseColumnIfMissing() {
    if (!hasReleaseColumn(spark.read().format("delta").load(table.path()))) {
      spark.sql(
          "ALTER TABLE delta.`"
              + table.path()
              + "` ADD COLUMNS ("
              + Quarantine.RELEASED_BY_RUN
              + " STRING COMMENT 'the replay-quarantine run that released the record into silver')");
    }
  }

  private static boolean hasReleaseColumn(Dataset<Row> rows) {
    return Arrays.asList(rows.columns()).contains(Quarantine.RELEASED_BY_RUN);
  }
}
