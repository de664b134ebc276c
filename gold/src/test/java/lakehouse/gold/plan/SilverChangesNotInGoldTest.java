package lakehouse.gold.plan;

import static lakehouse.gold.Silver.activity;
import static lakehouse.gold.Silver.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lakehouse.gold.GoldLayer;
import lakehouse.gold.Silver;
import lakehouse.gold.TestLakes;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverChangesNotInGoldTest {
  private static final LocalDate D = LocalDate.parse("2026-11-23");

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();

  @Test
  @DisplayName(
      "after 30 silver commits, only the commits after the version gold built from are read")
  void onlyTheCommitsAfterWhatGoldBuiltFromAreRead() {
    LakeLayout lake = new LakeLayout(root.toString());
    Silver.appendActivity(
        spark, lake, List.of(activity("u1", "2026-11-23", 1, 0, 0, 1, "2026-11-23T10:00:00Z")));
    // A long history: 30 commits of silver events, on dates long before the window.
    for (int i = 0; i < 30; i++) {
      String time = LocalDate.parse("2026-10-01").plusDays(i) + "T10:00:00Z";
      Silver.appendEvents(
          spark, lake, List.of(event("old-" + i, "IMPRESSION", time, "u1", "c1", 1L)));
    }
    Silver.appendEvents(
        spark, lake, List.of(event("e1", "IMPRESSION", "2026-11-23T10:00:00Z", "u1", "c1", 1L)));
    GoldLayer gold = new GoldLayer(spark, lake, TestLakes.settings());
    gold.build(D, Set.of(D), "run-1");
    // Two later silver commits: one changes D-1, which gold has not built, one changes D.
    Silver.appendEvents(
        spark, lake, List.of(event("e2", "CLICK", "2026-11-22T10:00:00Z", "u2", "c1", 1L)));
    Silver.appendEvents(
        spark, lake, List.of(event("e3", "CLICK", "2026-11-23T11:00:00Z", "u2", "c1", 1L)));
    long silverVersion = DeltaLogTail.latestVersion(spark, lake.silverEvents());
    assertThat(silverVersion).isEqualTo(32);

    CountingLogStore.installFor(spark, lake.silverEvents());
    CountingLogStore.reset();
    assertThat(gold.silverChangesNotInGold(D.minusDays(2), D.plusDays(1)))
        .containsExactly(D.minusDays(1), D);

    assertThat(CountingLogStore.commitFilesRead())
        .as("the two commits after the version campaign_daily of D was built from, of 33")
        .isEqualTo(2);
  }
}
