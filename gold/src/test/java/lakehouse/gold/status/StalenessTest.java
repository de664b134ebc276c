package lakehouse.gold.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.gold.lineage.LineageRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StalenessTest {
  private static final LocalDate KEY = LocalDate.parse("2026-11-23");

  @Test
  @DisplayName("a feature group is stale when silver events of its date changed after it was built")
  void aFeatureGroupIsStaleAfterItsEventsChanged() {
    TablePartition group = new TablePartition("2026-11-23", 10, "run-1", 1_000);
    TablePartition laterEvents = new TablePartition("2026-11-23", 50, "run-2", 2_000);
    assertThat(Staleness.featureGroup(group, Optional.of(laterEvents), "silver/ad_events"))
        .contains("silver/ad_events changed after it was built (run run-2)");
  }

  @Test
  @DisplayName(
      "a feature group built after its events, without events, or at an unknown time is not stale")
  void otherwiseAFeatureGroupIsNotStale() {
    TablePartition group = new TablePartition("2026-11-23", 10, "run-2", 2_000);
    TablePartition earlierEvents = new TablePartition("2026-11-23", 50, "run-1", 1_000);
    assertThat(Staleness.featureGroup(group, Optional.of(earlierEvents), "silver/ad_events"))
        .isEmpty();
    assertThat(Staleness.featureGroup(group, Optional.empty(), "silver/ad_events")).isEmpty();
    TablePartition unknownTime = new TablePartition("2026-11-23", 10, null, -1);
    assertThat(Staleness.featureGroup(unknownTime, Optional.of(earlierEvents), "silver/ad_events"))
        .isEmpty();
  }

  @Test
  void aGoldTableOfAnotherFeatureVersionIsStale() {
    assertThat(Staleness.otherVersion("v1", "v2")).contains("feature version v1, configured v2");
    assertThat(Staleness.otherVersion("v2", "v2")).isEmpty();
  }

  @Test
  @DisplayName(
      "a gold partition is stale when an input changed, after the version it was built from, in a date it reads")
  void aGoldPartitionIsStaleWhenAnInputItReadChanged() {
    List<String> asked = new ArrayList<>();
    Staleness.InputChanges changes =
        (input, version, dates) -> {
          asked.add(input + "@" + version + " " + dates);
          return input.equals("silver/ad_events") && version == 4
              ? List.of("2026-11-22")
              : List.of();
        };
    assertThat(Staleness.inputsChanged(Optional.of(builtFrom(4)), "campaign_daily", KEY, changes))
        .contains("silver/ad_events changed after promotion (event dates [2026-11-22])");
    assertThat(asked).containsExactly("silver/ad_events@4 [2026-11-23]");
  }

  @Test
  @DisplayName("a gold partition without lineage or with unchanged inputs is not stale")
  void aGoldPartitionWithUnchangedInputsIsNotStale() {
    Staleness.InputChanges nothingChanged = (input, version, dates) -> List.of();
    assertThat(
            Staleness.inputsChanged(
                Optional.of(builtFrom(4)), "campaign_daily", KEY, nothingChanged))
        .isEmpty();
    Staleness.InputChanges everythingChanged = (input, version, dates) -> dates;
    assertThat(Staleness.inputsChanged(Optional.empty(), "campaign_daily", KEY, everythingChanged))
        .isEmpty();
  }

  @Test
  @DisplayName("user features read their seven-day window, and campaign daily its day")
  void theDatesEachGoldTableReads() {
    assertThat(Staleness.datesRead("user_features", KEY))
        .containsExactly(
            "2026-11-23",
            "2026-11-22",
            "2026-11-21",
            "2026-11-20",
            "2026-11-19",
            "2026-11-18",
            "2026-11-17");
    assertThat(Staleness.datesRead("campaign_daily", KEY)).containsExactly("2026-11-23");
  }

  private static LineageRecord builtFrom(long silverEventsVersion) {
    return new LineageRecord(
        "campaign_daily",
        "v1",
        KEY.toString(),
        "run-1",
        Instant.EPOCH,
        Instant.EPOCH,
        "table-id",
        3,
        10,
        Map.of("silver/ad_events", silverEventsVersion),
        "promotion-1");
  }
}
