package lakehouse.shared.lake;

import java.util.List;
import java.util.Optional;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.Lineage;
import lakehouse.shared.tables.ProcessedFiles;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.types.StructType;

/**
 * Every table of the lake under one layout: its name, layer, version, place, schema, partitioning
 * and what {@code cleanup} may do to it. Layers and commands take their tables from here, so a new
 * table or a new feature version is declared once.
 */
public record TableCatalog(LakeLayout lake) {

  /**
   * Every table, with the gold tables at the configured feature versions, in the order data flows.
   */
  public List<CatalogTable> tables(GoldSettings gold) {
    return List.of(
        bronzeEvents(),
        quarantine(),
        silverEvents(),
        userDailyActivity(),
        adHourlyActivity(),
        processedFiles(),
        userFeatures(gold.userFeaturesVersion()),
        campaignDaily(gold.campaignDailyVersion()),
        goldLineage());
  }

  /** The tables holding data, the ones {@code status} shows. */
  public List<CatalogTable> dataTables(GoldSettings gold) {
    return tables(gold).stream().filter(table -> table.layer() != TableLayer.LEDGER).toList();
  }

  public CatalogTable bronzeEvents() {
    return new CatalogTable(
        BronzeEvents.NAME,
        TableLayer.BRONZE,
        Optional.empty(),
        "bronze/" + BronzeEvents.NAME,
        lake.bronzeEvents(),
        BronzeEvents.SCHEMA,
        Optional.of(BronzeEvents.PARTITION_COLUMN),
        Optional.empty(),
        TableRetention.BRONZE,
        true,
        BronzeEvents.STATISTICS_COLUMNS);
  }

  public CatalogTable quarantine() {
    return new CatalogTable(
        Quarantine.NAME,
        TableLayer.SILVER,
        Optional.empty(),
        "silver/" + Quarantine.NAME,
        lake.quarantine(),
        Quarantine.SCHEMA,
        Optional.of(Quarantine.PARTITION_COLUMN),
        Optional.empty(),
        TableRetention.QUARANTINE,
        true,
        List.of());
  }

  public CatalogTable silverEvents() {
    return new CatalogTable(
        SilverEvents.NAME,
        TableLayer.SILVER,
        Optional.empty(),
        "silver/" + SilverEvents.NAME,
        lake.silverEvents(),
        SilverEvents.SCHEMA,
        Optional.of(SilverEvents.PARTITION_COLUMN),
        Optional.of(SilverEvents.EVENT_ID),
        TableRetention.NONE,
        true,
        SilverEvents.STATISTICS_COLUMNS);
  }

  public CatalogTable userDailyActivity() {
    return featureGroup(
        UserDailyActivity.NAME,
        UserDailyActivity.VERSION,
        UserDailyActivity.SCHEMA,
        UserDailyActivity.PARTITION_COLUMN);
  }

  public CatalogTable adHourlyActivity() {
    return featureGroup(
        AdHourlyActivity.NAME,
        AdHourlyActivity.VERSION,
        AdHourlyActivity.SCHEMA,
        AdHourlyActivity.PARTITION_COLUMN);
  }

  /** The silver feature group of that name, at its version. */
  public CatalogTable featureGroup(String name) {
    return switch (name) {
      case UserDailyActivity.NAME -> userDailyActivity();
      case AdHourlyActivity.NAME -> adHourlyActivity();
      default -> throw new IllegalArgumentException("no silver feature group " + name);
    };
  }

  /**
   * Not vacuumed: the ledger only grows by appends, so every file it wrote stays in its latest
   * version.
   */
  public CatalogTable processedFiles() {
    return new CatalogTable(
        ProcessedFiles.NAME,
        TableLayer.LEDGER,
        Optional.empty(),
        "silver/" + ProcessedFiles.NAME,
        lake.processedFiles(),
        ProcessedFiles.SCHEMA,
        Optional.of(ProcessedFiles.PARTITION_COLUMN),
        Optional.empty(),
        TableRetention.NONE,
        false,
        List.of());
  }

  public CatalogTable userFeatures(String version) {
    return goldTable(
        UserFeatures.NAME,
        version,
        UserFeatures.SCHEMA,
        UserFeatures.PARTITION_COLUMN,
        UserFeatures.USER_ID);
  }

  public CatalogTable campaignDaily(String version) {
    return goldTable(
        CampaignDaily.NAME,
        version,
        CampaignDaily.SCHEMA,
        CampaignDaily.PARTITION_COLUMN,
        CampaignDaily.CAMPAIGN_ID);
  }

  /** The gold table of that name at a version, the configured one or another found in the lake. */
  public CatalogTable goldTable(String name, String version) {
    return switch (name) {
      case UserFeatures.NAME -> userFeatures(version);
      case CampaignDaily.NAME -> campaignDaily(version);
      default -> throw new IllegalArgumentException("no gold table " + name);
    };
  }

  public CatalogTable goldLineage() {
    return new CatalogTable(
        Lineage.NAME,
        TableLayer.LEDGER,
        Optional.empty(),
        "gold/" + Lineage.NAME,
        lake.goldLineage(),
        Lineage.SCHEMA,
        Optional.empty(),
        Optional.empty(),
        TableRetention.NONE,
        true,
        List.of());
  }

  private CatalogTable featureGroup(
      String name, String version, StructType schema, String partitionColumn) {
    return new CatalogTable(
        name,
        TableLayer.SILVER,
        Optional.of(version),
        "silver/" + name + "/" + version,
        lake.featureGroup(name, version),
        schema,
        Optional.of(partitionColumn),
        Optional.empty(),
        TableRetention.NONE,
        true,
        List.of());
  }

  private CatalogTable goldTable(
      String name, String version, StructType schema, String partitionColumn, String keyColumn) {
    return new CatalogTable(
        name,
        TableLayer.GOLD,
        Optional.of(version),
        "gold/" + name + "/" + version,
        lake.goldTable(name, version),
        schema,
        Optional.of(partitionColumn),
        Optional.of(keyColumn),
        TableRetention.NONE,
        true,
        List.of());
  }
}
