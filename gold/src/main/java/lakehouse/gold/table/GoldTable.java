package lakehouse.gold.table;

import java.time.LocalDate;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.types.StructType;

/**
 * One gold table at one version: where it lives, its declared schema, the column it is partitioned by
 * and the column that must be unique within a partition. Staging, checks, promotion and lineage all
 * take their facts about a table from here.
 *
 * @param keyColumn the column whose values are unique within one partition
 */
public record GoldTable(String name, String version, String path, StructType schema, String partitionColumn,
    String keyColumn) {

  public static GoldTable userFeatures(LakeLayout lake, String version) {
    return new GoldTable(UserFeatures.NAME, version, lake.goldTable(UserFeatures.NAME, version), UserFeatures.SCHEMA,
        UserFeatures.PARTITION_COLUMN, UserFeatures.USER_ID);
  }

  public static GoldTable campaignDaily(LakeLayout lake, String version) {
    return new GoldTable(CampaignDaily.NAME, version, lake.goldTable(CampaignDaily.NAME, version),
        CampaignDaily.SCHEMA, CampaignDaily.PARTITION_COLUMN, CampaignDaily.CAMPAIGN_ID);
  }

  /** Where a run stages one partition of this table. */
  public String stagedPartition(LakeLayout lake, LocalDate partitionKey, String runId) {
    return lake.stagedPartition(name, version, partitionKey.toString(), runId);
  }

  /** How messages name the table: {@code user_features v1}. */
  public String label() {
    return name + " " + version;
  }

  /** How messages name one partition: {@code user_features v1 partition as_of_date=2026-11-23}. */
  public String partitionLabel(LocalDate partitionKey) {
    return label() + " partition " + partitionColumn + "=" + partitionKey;
  }
}
