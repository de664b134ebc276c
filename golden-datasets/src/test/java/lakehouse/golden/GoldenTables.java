package lakehouse.golden;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;

/**
 * Every table a scenario compares, and the run reports. Run ids stay: the scenarios pass their own
 * with {@code --run-id}, so they are deterministic and tell which run wrote a row. What is dropped
 * is what differs between two identical runs: bronze's file fingerprints (they hold modification
 * times) and, because bronze rows carry little that silver and the quarantine do not show, bronze
 * is compared as rows per landing file.
 */
public final class GoldenTables {
  /**
   * Bronze reduced to one row per landing file: which run ingested it, in which version, how many
   * records.
   */
  public static final GoldenTable BRONZE_FILES =
      new GoldenTable(
          "bronze_files",
          LakeLayout::bronzeEvents,
          BronzeEvents.SCHEMA,
          List.of(BronzeEvents.INGEST_DATE, BronzeEvents.SOURCE_FILE),
          rows ->
              rows.groupBy(
                      BronzeEvents.INGEST_DATE,
                      BronzeEvents.SOURCE_FILE,
                      BronzeEvents.SCHEMA_VERSION,
                      BronzeEvents.RUN_ID)
                  .agg(count(lit(1)).as("records")));

  public static final GoldenTable SILVER_EVENTS =
      new GoldenTable(
          "silver_events",
          LakeLayout::silverEvents,
          SilverEvents.SCHEMA,
          List.of(SilverEvents.EVENT_ID),
          rows -> rows);

  public static final GoldenTable QUARANTINE =
      new GoldenTable(
          "quarantine",
          LakeLayout::quarantine,
          Quarantine.SCHEMA,
          List.of(BronzeEvents.SOURCE_FILE, BronzeEvents.SOURCE_POSITION),
          rows -> rows.drop(BronzeEvents.SOURCE_FINGERPRINT));

  public static final GoldenTable USER_DAILY_ACTIVITY =
      new GoldenTable(
          UserDailyActivity.NAME,
          lake -> lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION),
          UserDailyActivity.SCHEMA,
          List.of(UserDailyActivity.USER_ID, UserDailyActivity.EVENT_DATE),
          rows -> rows);

  public static final GoldenTable AD_HOURLY_ACTIVITY =
      new GoldenTable(
          AdHourlyActivity.NAME,
          lake -> lake.featureGroup(AdHourlyActivity.NAME, AdHourlyActivity.VERSION),
          AdHourlyActivity.SCHEMA,
          List.of(AdHourlyActivity.AD_ID, AdHourlyActivity.EVENT_HOUR),
          rows -> rows);

  public static final GoldenTable USER_FEATURES =
      new GoldenTable(
          UserFeatures.NAME,
          lake -> lake.goldTable(UserFeatures.NAME, UserFeatures.VERSION),
          UserFeatures.SCHEMA,
          List.of(UserFeatures.AS_OF_DATE, UserFeatures.USER_ID),
          rows -> rows);

  public static final GoldenTable CAMPAIGN_DAILY =
      new GoldenTable(
          CampaignDaily.NAME,
          lake -> lake.goldTable(CampaignDaily.NAME, CampaignDaily.VERSION),
          CampaignDaily.SCHEMA,
          List.of(CampaignDaily.CAMPAIGN_ID, CampaignDaily.EVENT_DATE),
          rows -> rows);

  /**
   * Everything a scenario compares: the tables in the order of the layers, then the run reports.
   */
  public static final List<LakeContents> ALL =
      List.of(
          BRONZE_FILES,
          SILVER_EVENTS,
          QUARANTINE,
          USER_DAILY_ACTIVITY,
          AD_HOURLY_ACTIVITY,
          USER_FEATURES,
          CAMPAIGN_DAILY,
          RunReportSummaries.ALL);

  /** Where the lake's tables are (the run reports are not a table). */
  public static List<Path> tablePaths(LakeLayout lake) {
    return ALL.stream()
        .filter(GoldenTable.class::isInstance)
        .map(GoldenTable.class::cast)
        .map(table -> Path.of(table.location().apply(lake)))
        .toList();
  }

  private GoldenTables() {}
}
