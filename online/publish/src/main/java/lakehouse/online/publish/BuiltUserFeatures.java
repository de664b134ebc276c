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
 */
public final class BuiltUserFeatures {
  private BuiltUserFeatures() {}

  /**
   * One Delta snapshot of the partition (the returned Dataset reads the version current now,
   * however often it is evaluated).
   *
   * @throws FeaturesNotBuiltException if the table does not exist or the date was never built
   */
  public static Dataset<Row> asOf(
      SparkSession spark, LakeLayout lake, String version, LocalDate date) {
    GoldTable table = GoldTable.userFeatures(lake, version);
    String name = lake.relativize(table.path());
    String runFirst = ": run `run --date " + date + "` first";
    if (!DeltaPartitionWriter.exists(spark, table.path())) {
      throw new FeaturesNotBuiltException(
          name
              + " does not exist yet, so "
              + UserFeatures.AS_OF_DATE
              + "="
              + date
              + " was never built"
              + runFirst);
    }
    Dataset<Row> rows =
        spark
            .read()
            .format("delta")
            .load(table.path())
            .where(col(UserFeatures.AS_OF_DATE).equalTo(java.sql.Date.valueOf(date)));
    if (rows.isEmpty()
        && !new GoldLineage(spark, lake)
            .latest(UserFeatures.NAME, version)
            .containsKey(date.toString())) {
      throw new FeaturesNotBuiltException(
          name
              + " has no partition "
              + UserFeatures.AS_OF_DATE
              + "="
              + date
              + " (never built)"
              + runFirst);
    }
    return rows;
  }
}
