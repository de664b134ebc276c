package lakehouse.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lakehouse.shared.lake.CatalogTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An attacked lake against a clean run of the same dates: every data table holds the same rows,
 * apart from the columns that name the run that wrote them or when.
 */
public final class LakeComparison {
  public static final String EQUALS_CLEAN_RUN = "lake equals a clean run";

  /** Columns that differ between two runs of the same input by design. */
  static final Set<String> RUN_COLUMNS =
      Set.of(
          "run_id",
          "released_by_run",
          "processed_at",
          "promoted_at",
          "promotion_id",
          "run_started_at",
          "delta_version",
          "delta_table_id",
          "input_versions");

  private static final int ROWS_SHOWN = 3;

  private final SparkSession spark;

  /** The landing file's fingerprint: its path, size and modification time. */
  private static final String FINGERPRINT = "source_fingerprint";

  private final Set<String> ignored;

  public LakeComparison(SparkSession spark) {
    this(spark, RUN_COLUMNS);
  }

  private LakeComparison(SparkSession spark, Set<String> ignored) {
    this.spark = spark;
    this.ignored = ignored;
  }

  /**
   * A comparison that also leaves out the landing files' fingerprints: for a lake whose landing
   * files are the same bytes delivered again elsewhere (on an object store), at other times.
   */
  public LakeComparison ignoringDeliveryTimes() {
    Set<String> more = new HashSet<>(ignored);
    more.add(FINGERPRINT);
    return new LakeComparison(spark, Set.copyOf(more));
  }

  /** What differs, table by table; empty when the lakes hold the same rows. */
  public Differences compare(ChaosLake attacked, ChaosLake clean) {
    List<Violation> violations = new ArrayList<>();
    long missing = 0;
    List<CatalogTable> cleanTables = clean.dataTables();
    List<CatalogTable> attackedTables = attacked.dataTables();
    for (int i = 0; i < cleanTables.size(); i++) {
      CatalogTable expected = cleanTables.get(i);
      CatalogTable actual = attackedTables.get(i);
      Dataset<Row> want = rows(expected);
      Dataset<Row> got = rows(actual);
      if (want == null && got == null) {
        continue;
      }
      if (want == null || got == null) {
        violations.add(
            new Violation(
                EQUALS_CLEAN_RUN,
                expected.location()
                    + (got == null ? " missing" : " exists only after the attack")));
        missing += want == null ? 0 : want.count();
        continue;
      }
      Dataset<Row> lost = want.exceptAll(got).cache();
      Dataset<Row> extra = got.exceptAll(want).cache();
      long lostRows = lost.count();
      long extraRows = extra.count();
      if (lostRows + extraRows > 0) {
        violations.add(
            new Violation(
                EQUALS_CLEAN_RUN,
                expected.location()
                    + ": "
                    + lostRows
                    + " rows missing "
                    + shown(lost)
                    + ", "
                    + extraRows
                    + " rows extra "
                    + shown(extra)));
      }
      missing += lostRows;
      lost.unpersist();
      extra.unpersist();
    }
    return new Differences(violations, missing);
  }

  /**
   * What differs between the two lakes.
   *
   * @param rowsLost rows of the clean run the attacked lake does not hold
   */
  public record Differences(List<Violation> violations, long rowsLost) {}

  private Dataset<Row> rows(CatalogTable table) {
    if (ChaosLake.commits(Path.of(table.path())) == 0) {
      return null;
    }
    Dataset<Row> rows = spark.read().format("delta").load(table.path());
    String[] runColumns =
        Arrays.stream(rows.columns()).filter(ignored::contains).toArray(String[]::new);
    return rows.drop(runColumns);
  }

  private static List<String> shown(Dataset<Row> rows) {
    return rows.limit(ROWS_SHOWN).collectAsList().stream().map(Row::toString).toList();
  }
}
