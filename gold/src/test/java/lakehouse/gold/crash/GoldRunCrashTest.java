package lakehouse.gold.crash;

import static lakehouse.gold.Silver.activity;
import static lakehouse.gold.Silver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lakehouse.gold.GoldLayer;
import lakehouse.gold.GoldResult;
import lakehouse.gold.Silver;
import lakehouse.gold.TableContent;
import lakehouse.gold.TestLakes;
import lakehouse.gold.features.CampaignDailyComputation;
import lakehouse.gold.features.UserFeaturesComputation;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gold run in its own JVM killed with SIGKILL at one point per case: after the kill the tables
 * read exactly as before the run, and a retry of the same run id converges to the run's complete
 * output.
 */
class GoldRunCrashTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  private static final Set<LocalDate> LATE = Set.of(D.minusDays(1));
  private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();

  /**
   * {@code staging}: after the first partition is staged; {@code before-promotion}: every partition
   * staged and checked; {@code commit}: inside the Delta commit, its data files written, its log
   * entry not.
   */
  @ParameterizedTest(name = "killed at {0}")
  @ValueSource(strings = {"staging", "before-promotion", "commit"})
  void killedRunLeavesTablesAsBeforeAndItsRetryConverges(String point) throws Exception {
    LakeLayout lake = new LakeLayout(root.resolve("lake").toString());
    Silver.appendActivity(
        spark, lake, List.of(activity("u1", "2026-11-22", 3, 1, 0, 300, "2026-11-22T10:00:00Z")));
    Silver.appendEvents(
        spark, lake, List.of(event("e1", "IMPRESSION", "2026-11-22T10:00:00Z", "u1", "c1", 100L)));
    GoldLayer gold = new GoldLayer(spark, lake, TestLakes.settings());
    gold.build(D, LATE, "run-before");
    String userFeatures = lake.goldTable(UserFeatures.NAME, "v1");
    String campaignDaily = lake.goldTable(CampaignDaily.NAME, "v1");
    Map<String, Long> versionsBefore = versions(userFeatures, campaignDaily);
    Map<String, String> checksumsBefore = checksums(userFeatures, campaignDaily);
    // Late data changes D-1: the killed run's output differs from what the tables hold.
    Silver.appendActivity(
        spark, lake, List.of(activity("u2", "2026-11-22", 1, 1, 1, 50, "2026-11-22T11:00:00Z")));
    Silver.appendEvents(
        spark, lake, List.of(event("e2", "CLICK", "2026-11-22T11:00:00Z", "u2", "c1", 50L)));
    long dataFilesBefore = dataFiles(userFeatures);

    Map<String, String> properties =
        point.equals("commit")
            ? Map.of("spark.delta.logStore.file.impl", PausingLogStore.class.getName())
            : Map.of();
    try (ChildJvm child =
        ChildJvm.start(
            GoldRunChild.class,
            List.of(lake.root(), D.toString(), "2026-11-22", "run-killed", point),
            properties,
            root.resolve("child-" + point + ".log"))) {
      child.awaitLine("PAUSED " + point, CHILD_TIMEOUT);
      child.kill();
    }

    assertThat(versions(userFeatures, campaignDaily))
        .as("no table moved")
        .isEqualTo(versionsBefore);
    assertThat(checksums(userFeatures, campaignDaily))
        .as("the tables read exactly as before")
        .isEqualTo(checksumsBefore);
    if (point.equals("commit")) {
      assertThat(dataFiles(userFeatures))
          .as("the commit's data files were written, its log entry was not")
          .isGreaterThan(dataFilesBefore);
    }

    GoldResult retry = gold.build(D, LATE, "run-killed");

    assertThat(retry.partitionsPromoted())
        .containsEntry(UserFeatures.NAME, List.of("2026-11-22", "2026-11-23"))
        .containsEntry(CampaignDaily.NAME, List.of("2026-11-22"));
    assertThat(TableContent.checksum(spark, userFeatures))
        .as("user_features holds exactly the retried run's output")
        .isEqualTo(
            TableContent.checksum(
                TableContent.lines(
                    UserFeaturesComputation.compute(
                        spark
                            .read()
                            .format("delta")
                            .load(
                                lake.featureGroup(
                                    UserDailyActivity.NAME, UserDailyActivity.VERSION)),
                        Set.of(D.minusDays(1), D),
                        "v1",
                        "run-killed"))));
    assertThat(TableContent.checksum(spark, campaignDaily))
        .as("campaign_daily holds exactly the retried run's output")
        .isEqualTo(
            TableContent.checksum(
                TableContent.lines(
                    CampaignDailyComputation.compute(
                        spark.read().format("delta").load(lake.silverEvents()),
                        LATE,
                        "run-killed"))));
  }

  private static long dataFiles(String table) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(table))) {
      return files
          .filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log"))
          .count();
    }
  }

  private Map<String, Long> versions(String userFeatures, String campaignDaily) {
    return Map.of(
        UserFeatures.NAME,
        DeltaPartitionWriter.version(spark, userFeatures),
        CampaignDaily.NAME,
        DeltaPartitionWriter.version(spark, campaignDaily));
  }

  private Map<String, String> checksums(String userFeatures, String campaignDaily) {
    return Map.of(
        UserFeatures.NAME,
        TableContent.checksum(spark, userFeatures),
        CampaignDaily.NAME,
        TableContent.checksum(spark, campaignDaily));
  }
}
