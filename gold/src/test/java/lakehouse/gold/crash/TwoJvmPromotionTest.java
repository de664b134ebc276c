package lakehouse.gold.crash;

import static lakehouse.gold.Silver.activity;
import static lakehouse.gold.Silver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lakehouse.gold.Silver;
import lakehouse.gold.TableContent;
import lakehouse.gold.features.CampaignDailyComputation;
import lakehouse.gold.features.UserFeaturesComputation;
import lakehouse.gold.promotion.RunStart;
import lakehouse.gold.promotion.RunStartRegistry;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs promote the same partitions of one local lake at the same moment. */
class TwoJvmPromotionTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");
  private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();

  @Test
  @DisplayName("two JVMs promoting the same partitions leave one run's complete output")
  void twoJvmsPromotingTheSamePartitions() throws Exception {
    LakeLayout lake = new LakeLayout(root.resolve("lake").toString());
    Silver.appendActivity(
        spark,
        lake,
        List.of(
            activity("u1", "2026-11-22", 3, 1, 0, 300, "2026-11-22T10:00:00Z"),
            activity("u2", "2026-11-23", 1, 0, 0, 100, "2026-11-23T10:00:00Z")));
    Silver.appendEvents(
        spark,
        lake,
        List.of(
            event("e1", "IMPRESSION", "2026-11-22T10:00:00Z", "u1", "c1", 100L),
            event("e2", "IMPRESSION", "2026-11-23T10:00:00Z", "u2", "c2", 100L)));
    Path go = root.resolve("go");
    List<String> runs = List.of("run-a", "run-b");

    try (ChildJvm a = start(lake, "run-a", go);
        ChildJvm b = start(lake, "run-b", go)) {
      a.awaitLine("READY", CHILD_TIMEOUT);
      b.awaitLine("READY", CHILD_TIMEOUT);
      Files.createFile(go);
      assertThat(a.awaitExit(CHILD_TIMEOUT)).as(a.lines() + "\n" + a.logTail()).isZero();
      assertThat(b.awaitExit(CHILD_TIMEOUT)).as(b.lines() + "\n" + b.logTail()).isZero();
    }

    RunStartRegistry registry =
        new RunStartRegistry(lake, spark.sparkContext().hadoopConfiguration());
    RunStart first = registry.register(runs.get(0), Clock.systemUTC());
    RunStart second = registry.register(runs.get(1), Clock.systemUTC());
    String winner = first.isNewerThan(second) ? first.runId() : second.runId();
    Set<LocalDate> dates = Set.of(D.minusDays(1), D);
    assertThat(TableContent.lines(spark, lake.goldTable(UserFeatures.NAME, "v1")))
        .as("user_features holds the complete output of the run that started last")
        .isEqualTo(
            TableContent.lines(
                UserFeaturesComputation.compute(
                    spark
                        .read()
                        .format("delta")
                        .load(lake.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION)),
                    dates,
                    "v1",
                    winner)));
    assertThat(TableContent.lines(spark, lake.goldTable(CampaignDaily.NAME, "v1")))
        .as("campaign_daily holds the complete output of the run that started last")
        .isEqualTo(
            TableContent.lines(
                CampaignDailyComputation.compute(
                    spark.read().format("delta").load(lake.silverEvents()), dates, winner)));
  }

  private ChildJvm start(LakeLayout lake, String runId, Path go) throws Exception {
    return ChildJvm.start(
        GoldRunChild.class,
        List.of(lake.root(), D.toString(), "2026-11-22,2026-11-23", runId, "ready", go.toString()),
        Map.of(),
        root.resolve(runId + ".log"));
  }
}
