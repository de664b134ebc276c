package lakehouse.gold;

import static lakehouse.gold.Silver.activity;
import static lakehouse.gold.Silver.event;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.gold.staging.StagedPartition;
import lakehouse.gold.staging.StagingCheck;
import lakehouse.gold.staging.StagingCheckFailedException;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldLayerTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  private static final Instant NIGHT = Instant.parse("2026-11-24T02:00:00Z");

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();
  private LakeLayout lake;
  private Clock clock;

  @BeforeEach
  void setUp() {
    clock = new SteppingClock(NIGHT);
    lake = new LakeLayout(root.toString());
    Silver.appendActivity(
        spark,
        lake,
        List.of(
            activity("u1", "2026-11-23", 3, 1, 0, 300, "2026-11-23T10:00:00Z"),
            activity("u2", "2026-11-22", 1, 0, 0, 100, "2026-11-22T10:00:00Z")));
    Silver.appendEvents(
        spark,
        lake,
        List.of(
            event("e1", "IMPRESSION", "2026-11-23T10:00:00Z", "u1", "c1", 100L),
            event("e2", "IMPRESSION", "2026-11-22T10:00:00Z", "u2", "c1", 100L)));
  }

  private GoldLayer gold(GoldSettings settings) {
    return new GoldLayer(spark, lake, settings, GoldLayer.DEFAULT_STAGING_RETENTION, clock);
  }

  private String userFeatures() {
    return lake.goldTable(UserFeatures.NAME, "v1");
  }

  /**
   * The table's rows, but for the run that wrote them; collected so a later commit cannot change
   * them.
   */
  private Dataset<Row> withoutRunId(String path) {
    Dataset<Row> rows = spark.read().format("delta").load(path).drop(UserFeatures.RUN_ID);
    return spark.createDataFrame(rows.collectAsList(), rows.schema());
  }

  private long rowsOf(String path, String column, String date) {
    return spark.read().format("delta").load(path).where(column + " = DATE'" + date + "'").count();
  }

  @Test
  @DisplayName("late events rebuild the planned partitions, and report and record their lineage")
  void lateEventsRebuildThePlannedPartitions() {
    GoldLayer gold = gold(TestLakes.settings());
    gold.build(D, Set.of(D), "run-nightly");
    // Late events of D-2 arrive with the next run for the same ingest date.
    Silver.appendActivity(
        spark, lake, List.of(activity("u3", "2026-11-21", 2, 1, 0, 50, "2026-11-21T08:00:00Z")));
    Silver.appendEvents(
        spark, lake, List.of(event("e3", "CLICK", "2026-11-21T08:00:00Z", "u3", "c2", 50L)));

    GoldResult result = gold.build(D, Set.of(D.minusDays(2)), "run-late");

    assertThat(result.partitionsPromoted())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "user_features", List.of("2026-11-21", "2026-11-22", "2026-11-23"),
                "campaign_daily", List.of("2026-11-21")));
    assertThat(result.rowsPerPartition())
        .containsEntry(
            "user_features", Map.of("2026-11-21", 1L, "2026-11-22", 2L, "2026-11-23", 3L));
    assertThat(rowsOf(userFeatures(), UserFeatures.AS_OF_DATE, "2026-11-23")).isEqualTo(3);
    long activityVersion =
        DeltaPartitionWriter.version(
            spark, lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
    long eventsVersion = DeltaPartitionWriter.version(spark, lake.silverEvents());
    List<LineageRecord> lineage =
        new GoldLineage(spark, lake)
            .records("user_features", "v1").stream()
                .filter(r -> r.runId().equals("run-late"))
                .toList();
    assertThat(lineage.stream().map(LineageRecord::partitionKey).toList())
        .containsExactly("2026-11-21", "2026-11-22", "2026-11-23");
    assertThat(lineage.get(0).inputVersions())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("silver/user_daily_activity/v1", activityVersion));
    LineageRecord campaign =
        new GoldLineage(spark, lake)
            .records("campaign_daily", "v1").stream()
                .filter(r -> r.runId().equals("run-late"))
                .findFirst()
                .orElseThrow();
    assertThat(campaign.inputVersions())
        .containsExactlyInAnyOrderEntriesOf(Map.of("silver/ad_events", eventsVersion));
    assertThat(
            new File(lake.staging() + "/user_features/v1/partition_key=2026-11-21/run_id=run-late"))
        .doesNotExist();
    JsonNode report = RunReportWriter.parse(RunReportWriter.toJson(result));
    assertThat(report.at("/partitions_promoted/campaign_daily/0").asText())
        .as(report.toString())
        .isEqualTo("2026-11-21");
    assertThat(report.at("/rows_per_partition/user_features/2026-11-23").asLong())
        .as(report.toString())
        .isEqualTo(3);
  }

  @Test
  void silverChangesGoldHasNotBuiltAreFoundUntilARunBuildsThem() {
    GoldLayer gold = gold(TestLakes.settings());
    assertThat(gold.silverChangesNotInGold(D.minusDays(2), D.plusDays(1)))
        .as("silver holds events of both days and gold has built none")
        .containsExactlyInAnyOrder(D.minusDays(1), D);
    gold.build(D, Set.of(D.minusDays(1), D), "run-1");
    assertThat(gold.silverChangesNotInGold(D.minusDays(2), D.plusDays(1))).isEmpty();

    // A later silver run adds events of D-2, and its gold fails before promoting.
    Silver.appendEvents(
        spark, lake, List.of(event("e3", "CLICK", "2026-11-21T08:00:00Z", "u3", "c2", 50L)));

    assertThat(gold.silverChangesNotInGold(D.minusDays(2), D.plusDays(1)))
        .containsExactlyInAnyOrder(D.minusDays(2));
    assertThat(gold.silverChangesNotInGold(D.minusDays(1), D.plusDays(1)))
        .as("outside the window")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "the first promotion of partitions with no rows is still a commit that names the run")
  void anEmptyFirstPromotionIsStillACommit() {
    LocalDate quiet = D.minusDays(10);

    GoldResult result = gold(TestLakes.settings()).build(quiet, Set.of(quiet), "run-quiet");

    assertThat(result.partitionsPromoted())
        .containsEntry("user_features", List.of(quiet.toString()));
    assertThat(rowsOf(userFeatures(), UserFeatures.AS_OF_DATE, quiet.toString())).isZero();
    assertThat(
            new GoldLineage(spark, lake)
                .records("user_features", "v1").stream().map(LineageRecord::runId).toList())
        .containsExactly("run-quiet");
  }

  @Test
  @DisplayName("a night before silver holds anything promotes its as-of date empty")
  void aNightOnALakeWithoutSilverPromotesAnEmptyPartition() {
    LakeLayout empty = new LakeLayout(root.resolve("no-silver-yet").toString());
    GoldLayer gold =
        new GoldLayer(
            spark, empty, TestLakes.settings(), GoldLayer.DEFAULT_STAGING_RETENTION, clock);

    GoldResult result = gold.build(D, Set.of(), "run-first");

    assertThat(result.partitionsPromoted())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("user_features", List.of(D.toString()), "campaign_daily", List.of()));
    assertThat(
            rowsOf(empty.goldTable(UserFeatures.NAME, "v1"), UserFeatures.AS_OF_DATE, D.toString()))
        .isZero();
  }

  @Test
  @DisplayName("a run with nothing of a table to promote lists that table with no partitions")
  void everyGoldTableIsListedEvenWithNothingToPromote() {
    GoldLayer gold = gold(TestLakes.settings());
    gold.build(D, Set.of(D), "run-1");

    GoldResult retry = gold.build(D, Set.of(), "run-1");

    assertThat(retry.partitionsPromoted())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("user_features", List.of(), "campaign_daily", List.of()));
    assertThat(retry.partitionsAlreadyPromoted())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("user_features", List.of(D.toString()), "campaign_daily", List.of()));
    assertThat(retry.partitionsSuperseded())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("user_features", List.of(), "campaign_daily", List.of()));
  }

  @Test
  @DisplayName(
      "a rebuild of several dates promotes them in one commit per table, with the same rows as one run per date")
  void aRebuildOfSeveralDatesIsOneCommitPerTable() {
    GoldLayer gold = gold(TestLakes.settings());
    for (LocalDate date = D.minusDays(2); !date.isAfter(D); date = date.plusDays(1)) {
      gold.build(date, Set.of(date), "run-" + date);
    }
    Dataset<Row> userFeaturesByDate = withoutRunId(userFeatures());
    Dataset<Row> campaignsByDate = withoutRunId(lake.goldTable("campaign_daily", "v1"));
    long userFeaturesVersion = DeltaPartitionWriter.version(spark, userFeatures());
    long campaignVersion =
        DeltaPartitionWriter.version(spark, lake.goldTable("campaign_daily", "v1"));

    GoldResult result =
        gold.rebuild(new java.util.TreeSet<>(Set.of(D.minusDays(2), D.minusDays(1), D)), "rebuild");

    assertThat(result.partitionsPromoted())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "user_features", List.of("2026-11-21", "2026-11-22", "2026-11-23"),
                "campaign_daily", List.of("2026-11-21", "2026-11-22", "2026-11-23")));
    assertThat(DeltaPartitionWriter.version(spark, userFeatures()))
        .isEqualTo(userFeaturesVersion + 1);
    assertThat(DeltaPartitionWriter.version(spark, lake.goldTable("campaign_daily", "v1")))
        .isEqualTo(campaignVersion + 1);
    DataFrames.assertSameRows(userFeaturesByDate, withoutRunId(userFeatures()));
    DataFrames.assertSameRows(
        campaignsByDate, withoutRunId(lake.goldTable("campaign_daily", "v1")));
  }

  @Test
  @DisplayName(
      "an as-of date whose window lost all activity is promoted empty and clears its stale rows")
  void anAsOfDateWithoutActivityIsPromotedEmpty() {
    GoldLayer gold = gold(TestLakes.settings());
    gold.build(D, Set.of(D), "run-1");
    assertThat(rowsOf(userFeatures(), UserFeatures.AS_OF_DATE, "2026-11-23")).isEqualTo(2);
    // Silver was corrected: nothing remains in the window of D.
    Silver.replaceActivity(
        spark, lake, List.of(activity("u1", "2026-11-01", 1, 0, 0, 1, "2026-11-01T10:00:00Z")));

    GoldResult result = gold.build(D, Set.of(D), "run-2");

    assertThat(result.partitionsPromoted()).containsEntry("user_features", List.of("2026-11-23"));
    assertThat(result.rowsPerPartition().get("user_features")).containsEntry("2026-11-23", 0L);
    assertThat(rowsOf(userFeatures(), UserFeatures.AS_OF_DATE, "2026-11-23")).isZero();
  }

  @Test
  @DisplayName("a staged partition corrupted after writing is refused, and neither table moves")
  void aCorruptedStagedPartitionIsRefused() {
    GoldLayer gold = gold(TestLakes.settings());
    gold.build(D, Set.of(D), "run-1");
    long userFeaturesVersion = DeltaPartitionWriter.version(spark, userFeatures());
    List<String> content = TableContent.lines(spark, userFeatures());
    // A faulty writer: a row of another as-of date lands in the staged partition of D.
    GoldRunListener corrupt =
        new GoldRunListener() {
          @Override
          public void partitionStaged(StagedPartition staged) {
            if (staged.table().name().equals(UserFeatures.NAME)) {
              Dataset<Row> stray =
                  spark
                      .read()
                      .parquet(staged.path())
                      .limit(1)
                      .withColumn(UserFeatures.AS_OF_DATE, lit(Date.valueOf("2026-11-20")));
              stray.write().mode("append").parquet(staged.path());
            }
          }
        };

    assertThatThrownBy(() -> gold.withListener(corrupt).build(D, Set.of(D), "run-2"))
        .isInstanceOfSatisfying(
            StagingCheckFailedException.class,
            refused -> assertThat(refused.check()).isEqualTo(StagingCheck.PARTITION_KEY))
        .hasMessageContaining("user_features v1 partition as_of_date=2026-11-23");
    assertThat(DeltaPartitionWriter.version(spark, userFeatures())).isEqualTo(userFeaturesVersion);
    assertThat(TableContent.lines(spark, userFeatures())).isEqualTo(content);
    assertThat(new GoldLineage(spark, lake).records("campaign_daily", "v1"))
        .as("campaign_daily was not promoted either")
        .hasSize(1);
  }

  @Test
  void eachPartitionIsWrittenInFilesOfAtMostMaxRowsPerFile() {
    Silver.appendActivity(
        spark,
        lake,
        List.of(
            activity("u3", "2026-11-23", 1, 0, 0, 1, "2026-11-23T10:00:00Z"),
            activity("u4", "2026-11-23", 1, 0, 0, 1, "2026-11-23T10:00:00Z"),
            activity("u5", "2026-11-23", 1, 0, 0, 1, "2026-11-23T10:00:00Z")));

    gold(TestLakes.settings(2)).build(D, Set.of(D), "run-1");

    Dataset<Row> partition =
        spark
            .read()
            .format("delta")
            .load(userFeatures())
            .where(UserFeatures.AS_OF_DATE + " = DATE'2026-11-23'");
    assertThat(partition.count()).isEqualTo(5);
    assertThat(partition.inputFiles()).as("5 rows at 2 rows per file").hasSize(3);
  }

  @Test
  void stagingOfADeadRunIsRemovedByTheNextRunOnceExpired() {
    String deadStaging = lake.stagedPartition("user_features", "v1", "2026-11-20", "run-dead");
    spark.range(1).write().parquet(deadStaging);
    long dayOfDeath = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
    for (File file : new File(deadStaging).listFiles()) {
      file.setLastModified(dayOfDeath);
    }
    new File(deadStaging).setLastModified(dayOfDeath);

    GoldResult result =
        new GoldLayer(spark, lake, TestLakes.settings(), Duration.ofHours(24), clock)
            .build(D, Set.of(), "run-1");

    assertThat(result.stagingRemoved().stream().map(r -> r.runId()).toList())
        .containsExactly("run-dead");
    assertThat(new File(deadStaging)).doesNotExist();
  }

  @Test
  @DisplayName("a feature version this build cannot compute is a configuration error")
  void anUncomputableFeatureVersionIsAConfigurationError() {
    assertThatThrownBy(() -> gold(new GoldSettings("v2", "v1", 1000)).build(D, Set.of(D), "run-1"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lakehouse.gold.user-features-version");
  }
}
