package lakehouse.chaos;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lakehouse.shared.lake.CatalogTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

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

  /** Copies of a row in the clean lake minus copies in the attacked one. */
  private static final String SURPLUS = "chaos_surplus";

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
      // Each distinct row once, with how many more times the clean lake holds it than the
      // attacked one: one read of each table and one shuffle, where two exceptAll read both twice.
      Dataset<Row> differing =
          want.withColumn(SURPLUS, lit(1L))
              .unionByName(got.withColumn(SURPLUS, lit(-1L)))
              .groupBy(Arrays.stream(want.columns()).map(functions::col).toArray(Column[]::new))
              .agg(sum(col(SURPLUS)).as(SURPLUS))
              .where(col(SURPLUS).notEqual(0))
              .cache();
      Row counts =
          differing
              .agg(
                  coalesce(sum(when(col(SURPLUS).gt(0), col(SURPLUS))), lit(0L)),
                  coalesce(sum(when(col(SURPLUS).lt(0), negate(col(SURPLUS)))), lit(0L)))
              .head();
      long lostRows = counts.getLong(0);
      long extraRows = counts.getLong(1);
      if (lostRows + extraRows > 0) {
        violations.add(
            new Violation(
                EQUALS_CLEAN_RUN,
                expected.location()
                    + ": "
                    + lostRows
                    + " rows missing "
                    + shown(differing.where(col(SURPLUS).gt(0)))
                    + ", "
                    + extraRows
                    + " rows extra "
                    + shown(differing.where(col(SURPLUS).lt(0)))));
      }
      missing += lostRows;
      differing.unpersist();
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

  /** A few of the differing rows, without the count column. */
  private static List<String> shown(Dataset<Row> differing) {
    return differing.drop(SURPLUS).limit(ROWS_SHOWN).collectAsList().stream()
        .map(Row::toString)
        .toList();
  }
}
