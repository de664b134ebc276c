package lakehouse.online.publish;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The rows of user_features as of one date, as gold promoted them, for publishing. A date is built
 * when its partition holds rows or when gold's lineage records its promotion: a window with no
 * events gives a promoted, empty partition, which Delta alone cannot tell from a date never built.
 * Finding no rows needs reading them, so the rows are read once, by whoever reads them for their
 * own sake (the publish job), and the lineage asked only when that read found none.
 */
public final class BuiltUserFeatures {
  private final SparkSession spark;
  private final LakeLayout lake;
  private final String version;
  private final LocalDate date;
  private final String tableName;
  private final Dataset<Row> rows;

  private BuiltUserFeatures(
      SparkSession spark,
      LakeLayout lake,
      String version,
      LocalDate date,
      String tableName,
      Dataset<Row> rows) {
    this.spark = spark;
    this.lake = lake;
    this.version = version;
    this.date = date;
    this.tableName = tableName;
    this.rows = rows;
  }

  /**
   * The date's partition at one Delta snapshot, read by no job yet.
   *
   * @throws FeaturesNotBuiltException if the table does not exist yet
   */
  public static BuiltUserFeatures asOf(
      SparkSession spark, LakeLayout lake, String version, LocalDate date) {
    GoldTable table = GoldTable.userFeatures(lake, version);
    String name = lake.relativize(table.path());
    if (!DeltaPartitionWriter.exists(spark, table.path())) {
      throw new FeaturesNotBuiltException(
          name
              + " does not exist yet, so "
              + UserFeatures.AS_OF_DATE
              + "="
              + date
              + " was never built"
              + runFirst(date));
    }
    Dataset<Row> rows =
        spark
            .read()
            .format("delta")
            .load(table.path())
            .where(col(UserFeatures.AS_OF_DATE).equalTo(java.sql.Date.valueOf(date)));
    return new BuiltUserFeatures(spark, lake, version, date, name, rows);
  }

  /**
   * The partition's rows (the Dataset reads the version current when it runs, however often it is
   * evaluated).
   */
  public Dataset<Row> rows() {
    return rows;
  }

  /**
   * For a read of {@link #rows()} that found none: passes when gold promoted the date empty.
   *
   * @throws FeaturesNotBuiltException if the date was never built
   */
  public void requireBuilt() {
    if (!new GoldLineage(spark, lake)
        .latest(UserFeatures.NAME, version)
        .containsKey(date.toString())) {
      throw new FeaturesNotBuiltException(
          tableName
              + " has no partition "
              + UserFeatures.AS_OF_DATE
              + "="
              + date
              + " (never built)"
              + runFirst(date));
    }
  }

  private static String runFirst(LocalDate date) {
    return ": run `run --date " + date + "` first";
  }
}
