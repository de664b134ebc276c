package lakehouse.gold.snapshot;

import static lakehouse.gold.Silver.activity;
import static lakehouse.gold.Silver.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lakehouse.gold.GoldLayer;
import lakehouse.gold.GoldRunListener;
import lakehouse.gold.Silver;
import lakehouse.gold.SteppingClock;
import lakehouse.gold.TestLakes;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldSnapshotsTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  private static final Instant NIGHT = Instant.parse("2026-11-24T02:00:00Z");

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();
  private LakeLayout lake;
  private GoldLayer gold;
  private GoldSnapshots snapshots;

  @BeforeEach
  void setUp() {
    lake = new LakeLayout(root.toString());
    gold =
        new GoldLayer(
            spark,
            lake,
            TestLakes.settings(),
            GoldLayer.DEFAULT_STAGING_RETENTION,
            new SteppingClock(NIGHT));
    snapshots = new GoldSnapshots(spark, lake);
    Silver.appendActivity(
        spark, lake, List.of(activity("u1", "2026-11-23", 3, 1, 0, 300, "2026-11-23T10:00:00Z")));
    Silver.appendEvents(
        spark, lake, List.of(event("e1", "IMPRESSION", "2026-11-23T10:00:00Z", "u1", "c1", 100L)));
  }

  private List<GoldTable> tables() {
    return List.of(gold.userFeaturesTable(), gold.campaignDailyTable());
  }

  private List<String> runsIn(GoldSnapshot snapshot, GoldTable table) {
    return snapshots
        .read(snapshot, table)
        .select(CampaignDaily.RUN_ID)
        .distinct()
        .collectAsList()
        .stream()
        .map(row -> row.getString(0))
        .toList();
  }

  /** Fails a run's promotion of campaign_daily, after its user_features were promoted. */
  private static final GoldRunListener CAMPAIGN_PROMOTION_FAILS =
      new GoldRunListener() {
        @Override
        public void beforePromotion(GoldTable table, String runId) {
          if (table.name().equals(CampaignDaily.NAME)) {
            throw new IllegalStateException("campaign_daily promotion lost its connection");
          }
        }
      };

  @Test
  @DisplayName(
      "a snapshot taken after a run promoted user_features but failed on campaign_daily reads both"
          + " tables from the run before, until a later run completed both")
  void aHalfPromotedRunIsNotSeenUntilALaterRunCompletes() {
    gold.build(D, Set.of(D), "run-1");
    Silver.appendEvents(
        spark, lake, List.of(event("e2", "CLICK", "2026-11-23T11:00:00Z", "u1", "c1", 50L)));
    assertThatThrownBy(
            () -> gold.withListener(CAMPAIGN_PROMOTION_FAILS).build(D, Set.of(D), "run-2"))
        .hasMessageContaining("lost its connection");
    GoldSnapshot latest = new GoldSnapshot("latest", NIGHT.toString(), latestVersions());
    assertThat(runsIn(latest, gold.userFeaturesTable())).containsExactly("run-2");

    GoldSnapshot duringFailure = snapshots.take(tables(), NIGHT);

    assertThat(runsIn(duringFailure, gold.userFeaturesTable())).containsExactly("run-1");
    assertThat(runsIn(duringFailure, gold.campaignDailyTable())).containsExactly("run-1");

    gold.build(D, Set.of(D), "run-3");
    GoldSnapshot afterNextRun = snapshots.take(tables(), NIGHT);

    assertThat(afterNextRun.tables()).isEqualTo(latestVersions());
    assertThat(runsIn(afterNextRun, gold.userFeaturesTable())).containsExactly("run-3");
    assertThat(runsIn(afterNextRun, gold.campaignDailyTable())).containsExactly("run-3");
  }

  @Test
  @DisplayName("a snapshot is recorded once, found by its id and listed among the recent ones")
  void snapshotsAreRecordedAndFoundById() {
    gold.build(D, Set.of(D), "run-1");

    GoldSnapshot first = snapshots.take(tables(), NIGHT);
    GoldSnapshot again = snapshots.take(tables(), NIGHT.plusSeconds(60));

    assertThat(again).isEqualTo(first);
    assertThat(snapshots.find(first.snapshotId())).contains(first);
    assertThat(snapshots.find("campaign_daily-v1-99.user_features-v1-99")).isEmpty();
    assertThat(snapshots.recent(10)).containsExactly(first);
  }

  private Map<String, Long> latestVersions() {
    Map<String, Long> versions = new TreeMap<>();
    for (GoldTable table : tables()) {
      versions.put(GoldSnapshots.tableId(table), DeltaLogTail.latestVersion(spark, table.path()));
    }
    return versions;
  }
}
