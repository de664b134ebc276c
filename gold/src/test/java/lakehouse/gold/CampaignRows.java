package lakehouse.gold;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import lakehouse.gold.staging.CheckedPartition;
import lakehouse.gold.staging.PartitionStager;
import lakehouse.gold.staging.StagedPartition;
import lakehouse.gold.staging.StagedPartitionChecker;
import lakehouse.gold.staging.StagingListener;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.CampaignDaily;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Literal campaign_daily rows, staged and checked the way a run would, for promotion tests. */
public final class CampaignRows {
  private CampaignRows() {}

  public static Row campaign(String campaignId, String date, long impressions, String runId) {
    return RowFactory.create(
        campaignId,
        Date.valueOf(date),
        impressions,
        1L,
        0L,
        10L,
        1L,
        impressions == 0 ? null : 1.0 / impressions,
        runId);
  }

  public static Dataset<Row> frame(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, CampaignDaily.SCHEMA);
  }

  public static List<StagedPartition> stage(
      SparkSession spark,
      LakeLayout lake,
      GoldTable table,
      String runId,
      List<String> dates,
      List<Row> rows) {
    TreeSet<LocalDate> keys = new TreeSet<>(dates.stream().map(LocalDate::parse).toList());
    return new PartitionStager(lake, 1000)
        .stage(table, frame(spark, rows), keys, runId, StagingListener.NONE);
  }

  public static List<CheckedPartition> checked(
      SparkSession spark,
      LakeLayout lake,
      GoldTable table,
      String runId,
      List<String> dates,
      List<Row> rows) {
    return new StagedPartitionChecker(spark)
        .checkAll(stage(spark, lake, table, runId, dates, rows));
  }
}
