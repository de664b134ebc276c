package lakehouse.gold.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SnapshotRuleTest {
  private static final String FEATURES = "user_features/v1";
  private static final String CAMPAIGNS = "campaign_daily/v1";
  private static final List<String> BOTH = List.of(FEATURES, CAMPAIGNS);

  private static RunCommit features(long version, String run) {
    return new RunCommit(FEATURES, version, run, BOTH);
  }

  private static RunCommit campaigns(long version, String run) {
    return new RunCommit(CAMPAIGNS, version, run, BOTH);
  }

  @Test
  @DisplayName("runs that promoted both tables are all visible at the latest versions")
  void completeRunsAreVisibleAtTheLatestVersions() {
    Map<String, Long> chosen =
        SnapshotRule.choose(
            Map.of(FEATURES, 1L, CAMPAIGNS, 1L),
            List.of(features(0, "r1"), campaigns(0, "r1"), features(1, "r2"), campaigns(1, "r2")));

    assertThat(chosen).containsExactlyInAnyOrderEntriesOf(Map.of(FEATURES, 1L, CAMPAIGNS, 1L));
  }

  @Test
  @DisplayName("a run whose second promotion is missing is held back in the first table")
  void aRunMissingItsSecondPromotionIsHeldBack() {
    Map<String, Long> chosen =
        SnapshotRule.choose(
            Map.of(FEATURES, 1L, CAMPAIGNS, 0L),
            List.of(features(0, "r1"), campaigns(0, "r1"), features(1, "r2")));

    assertThat(chosen).containsExactlyInAnyOrderEntriesOf(Map.of(FEATURES, 0L, CAMPAIGNS, 0L));
  }

  @Test
  @DisplayName("a run with nothing for the first table is complete with its second promotion")
  void aRunThatSkippedTheFirstTableIsComplete() {
    Map<String, Long> chosen =
        SnapshotRule.choose(
            Map.of(FEATURES, 0L, CAMPAIGNS, 1L),
            List.of(features(0, "r1"), campaigns(0, "r1"), campaigns(1, "r2")));

    assertThat(chosen).containsExactlyInAnyOrderEntriesOf(Map.of(FEATURES, 0L, CAMPAIGNS, 1L));
  }

  @Test
  @DisplayName("a run promoting one table only constrains nothing else")
  void aRunOfOneTableIsCompleteAlone() {
    Map<String, Long> chosen =
        SnapshotRule.choose(
            Map.of(FEATURES, 1L, CAMPAIGNS, 0L),
            List.of(
                features(0, "r1"),
                campaigns(0, "r1"),
                new RunCommit(FEATURES, 1, "r2", List.of(FEATURES))));

    assertThat(chosen).containsExactlyInAnyOrderEntriesOf(Map.of(FEATURES, 1L, CAMPAIGNS, 0L));
  }

  @Test
  @DisplayName("a failed run stops holding tables back once a later run completed after it")
  void aFailedRunIsSettledByALaterCompleteRun() {
    Map<String, Long> chosen =
        SnapshotRule.choose(
            Map.of(FEATURES, 2L, CAMPAIGNS, 1L),
            List.of(
                features(0, "r1"),
                campaigns(0, "r1"),
                features(1, "failed"),
                features(2, "r3"),
                campaigns(1, "r3")));

    assertThat(chosen).containsExactlyInAnyOrderEntriesOf(Map.of(FEATURES, 2L, CAMPAIGNS, 1L));
  }

  @Test
  @DisplayName("a second promotion beyond the other table's visible version holds the first back")
  void holdingOneTableBackHoldsBackTheRunsOfTheOther() {
    // r2 committed both; r3 committed features only. Holding r3 back keeps features at 1, which
    // still shows r2, whose campaigns commit is visible: nothing more to hold back.
    Map<String, Long> chosen =
        SnapshotRule.choose(
            Map.of(FEATURES, 2L, CAMPAIGNS, 1L),
            List.of(
                features(0, "r1"),
                campaigns(0, "r1"),
                features(1, "r2"),
                campaigns(1, "r2"),
                features(2, "r3")));

    assertThat(chosen).containsExactlyInAnyOrderEntriesOf(Map.of(FEATURES, 1L, CAMPAIGNS, 1L));
  }

  @Test
  @DisplayName("the snapshot id names every table, its feature version and its Delta version")
  void theIdIsDerivedFromTheVersions() {
    assertThat(GoldSnapshot.idOf(Map.of(FEATURES, 12L, CAMPAIGNS, 7L)))
        .isEqualTo("campaign_daily-v1-7.user_features-v1-12");
  }
}
