package lakehouse.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Checks a reference's gold, written as Parquet under {@code OUT/<table>/<partition>=<date>},
 * against the night's: each partition's rows beside the count in gold's run report, and the rows
 * themselves beside the promoted gold partitions ({@code run_id} aside). Done with DuckDB after the
 * timed work, so that the reference is shown to be the same computation.
 */
final class GoldReferenceCheck {
  private final String label;
  private final Connection db;
  private final Path lake;
  private final GoldRunReport night;

  /**
   * @param label the reference's name at the head of each printed line
   */
  GoldReferenceCheck(String label, Connection db, Path lake, GoldRunReport night) {
    this.label = label;
    this.db = db;
    this.lake = lake;
    this.night = night;
  }

  /** Prints each table's comparison; true when every count and every row equals gold's. */
  boolean matches(Path out) throws SQLException, IOException {
    // Both tables are compared and printed, even when the first differs.
    boolean userFeatures = matches(out, GoldRunReport.USER_FEATURES, "as_of_date");
    boolean campaignDaily = matches(out, GoldRunReport.CAMPAIGN_DAILY, "event_date");
    return userFeatures && campaignDaily;
  }

  private boolean matches(Path out, String table, String partitionColumn)
      throws SQLException, IOException {
    SortedMap<LocalDate, Long> gold = night.partitionsOf(table);
    boolean same =
        sameCounts(table, gold, PartitionRowCounts.of(db, out.resolve(table), partitionColumn));
    long differing =
        new GoldValueCheck(db)
            .differingRows(
                out.resolve(table),
                lake.resolve("gold/" + table + "/v1"),
                partitionColumn,
                gold.keySet());
    System.out.printf(
        Locale.ROOT,
        "%s %s: %s%n",
        label,
        table,
        differing == 0
            ? "values equal gold's"
            : differing + " rows differ from gold's  <- differs");
    return same && differing == 0;
  }

  private boolean sameCounts(
      String table, SortedMap<LocalDate, Long> gold, SortedMap<LocalDate, Long> reference) {
    TreeSet<LocalDate> partitions = new TreeSet<>(gold.keySet());
    partitions.addAll(reference.keySet());
    boolean same = true;
    for (LocalDate partition : partitions) {
      long expected = gold.getOrDefault(partition, -1L);
      long actual = reference.getOrDefault(partition, 0L);
      same &= expected == actual;
      System.out.printf(
          Locale.ROOT,
          "%s %s %s: %d rows, gold %s%s%n",
          label,
          table,
          partition,
          actual,
          expected < 0 ? "none" : Long.toString(expected),
          expected == actual ? "" : "  <- differs");
    }
    return same;
  }
}
