package lakehouse.gold.staging;

import static lakehouse.gold.CampaignRows.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.gold.CampaignRows;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingJanitorTest {
  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();

  private static void age(File folder, Instant to) throws Exception {
    try (Stream<Path> files = Files.walk(folder.toPath())) {
      for (Path file : files.toList()) {
        file.toFile().setLastModified(to.toEpochMilli());
      }
    }
  }

  @Test
  @DisplayName("staging of dead runs older than the retention is removed, and newer staging kept")
  void expiredStagingOfDeadRunsIsRemoved() throws Exception {
    LakeLayout lake = new LakeLayout(root.toString());
    GoldTable table = GoldTable.campaignDaily(lake, "v1");
    StagedPartition dead =
        CampaignRows.stage(
                spark,
                lake,
                table,
                "run-dead",
                List.of("2026-11-21"),
                List.of(campaign("c1", "2026-11-21", 1, "run-dead")))
            .get(0);
    StagedPartition live =
        CampaignRows.stage(
                spark,
                lake,
                table,
                "run-live",
                List.of("2026-11-21"),
                List.of(campaign("c1", "2026-11-21", 1, "run-live")))
            .get(0);
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    age(new File(dead.path()), now.minus(Duration.ofHours(30)));
    age(new File(live.path()), now.minus(Duration.ofHours(2)));
    StagingJanitor janitor = new StagingJanitor(lake, spark.sparkContext().hadoopConfiguration());
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    List<ExpiredStaging> wouldRemove = janitor.removeExpired(Duration.ofHours(24), clock, true);
    assertThat(wouldRemove.stream().map(ExpiredStaging::runId).toList())
        .containsExactly("run-dead");
    assertThat(wouldRemove.get(0).removed()).isFalse();
    assertThat(new File(dead.path())).as("a dry run removes nothing").exists();

    List<ExpiredStaging> removed = janitor.removeExpired(Duration.ofHours(24), clock, false);
    assertThat(removed.stream().map(ExpiredStaging::runId).toList()).containsExactly("run-dead");
    assertThat(removed.get(0).table()).isEqualTo("campaign_daily");
    assertThat(removed.get(0).partitionKey()).isEqualTo("2026-11-21");
    assertThat(new File(dead.path())).doesNotExist();
    assertThat(new File(live.path())).exists();
  }

  @Test
  void aLakeWithoutStagingHasNothingToRemove() {
    LakeLayout lake = new LakeLayout(root.toString());
    StagingJanitor janitor = new StagingJanitor(lake, spark.sparkContext().hadoopConfiguration());

    assertThat(janitor.removeExpired(Duration.ZERO, Clock.systemUTC(), false)).isEmpty();
  }

  @Test
  void filesPerPartitionGrowWithRowsAndNeverDropBelowOne() {
    assertThat(FileCount.forRows(0, 100)).isEqualTo(1);
    assertThat(FileCount.forRows(100, 100)).isEqualTo(1);
    assertThat(FileCount.forRows(101, 100)).isEqualTo(2);
    assertThat(FileCount.forRows(250, 100)).isEqualTo(3);
  }
}
