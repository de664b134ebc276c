package lakehouse.gold.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.gold.lineage.LineageRecord;
import org.junit.jupiter.api.Test;

class StalenessTest {
  private static final LocalDate KEY = LocalDate.parse("2026-11-23");

  @Test
  void aFeatureGroupIsStaleWhenSilverEventsOfItsDateChangedAfterItWasBuilt() {
    TablePartition group = new TablePartition("2026-11-23", 10, "run-1", 1_000);
    TablePartition laterEvents = new TablePartition("2026-11-23", 50, "run-2", 2_000);
    assertEquals(Optional.of("silver/ad_events changed after it was built (run run-2)"),
        Staleness.featureGroup(group, Optional.of(laterEvents), "silver/ad_events"));
  }

  @Test
  void aFeatureGroupBuiltAfterItsEventsOrWithoutEventsOrOfUnknownTimeIsNotStale() {
    TablePartition group = new TablePartition("2026-11-23", 10, "run-2", 2_000);
    TablePartition earlierEvents = new TablePartition("2026-11-23", 50, "run-1", 1_000);
    assertEquals(Optional.empty(), Staleness.featureGroup(group, Optional.of(earlierEvents), "silver/ad_events"));
    assertEquals(Optional.empty(), Staleness.featureGroup(group, Optional.empty(), "silver/ad_events"));
    TablePartition unknownTime = new TablePartition("2026-11-23", 10, null, -1);
    assertEquals(Optional.empty(), Staleness.featureGroup(unknownTime, Optional.of(earlierEvents), "silver/ad_events"));
  }

  @Test
  void aGoldTableOfAnotherFeatureVersionIsStale() {
    assertEquals(Optional.of("feature version v1, configured v2"), Staleness.otherVersion("v1", "v2"));
    assertEquals(Optional.empty(), Staleness.otherVersion("v2", "v2"));
  }

  @Test
  void aGoldPartitionIsStaleWhenAnInputChangedAfterTheVersionItWasBuiltFromInADateItReads() {
    List<String> asked = new ArrayList<>();
    Staleness.InputChanges changes = (input, version, dates) -> {
      asked.add(input + "@" + version + " " + dates);
      return input.equals("silver/ad_events") && version == 4 ? List.of("2026-11-22") : List.of();
    };
    assertEquals(Optional.of("silver/ad_events changed after promotion (event dates [2026-11-22])"),
        Staleness.inputsChanged(Optional.of(builtFrom(4)), "campaign_daily", KEY, changes));
    assertEquals(List.of("silver/ad_events@4 [2026-11-23]"), asked);
  }

  @Test
  void aGoldPartitionWithoutLineageOrWithUnchangedInputsIsNotStale() {
    Staleness.InputChanges nothingChanged = (input, version, dates) -> List.of();
    assertEquals(Optional.empty(), Staleness.inputsChanged(Optional.of(builtFrom(4)), "campaign_daily", KEY,
        nothingChanged));
    Staleness.InputChanges everythingChanged = (input, version, dates) -> dates;
    assertEquals(Optional.empty(), Staleness.inputsChanged(Optional.empty(), "campaign_daily", KEY,
        everythingChanged));
  }

  @Test
  void userFeaturesReadTheirSevenDayWindowAndCampaignDailyItsDay() {
    assertEquals(List.of("2026-11-23", "2026-11-22", "2026-11-21", "2026-11-20", "2026-11-19", "2026-11-18",
        "2026-11-17"), Staleness.datesRead("user_features", KEY));
    assertEquals(List.of("2026-11-23"), Staleness.datesRead("campaign_daily", KEY));
  }

  private static LineageRecord builtFrom(long silverEventsVersion) {
    return new LineageRecord("campaign_daily", "v1", KEY.toString(), "run-1", Instant.EPOCH, Instant.EPOCH,
        "table-id", 3, 10, Map.of("silver/ad_events", silverEventsVersion), "promotion-1");
  }
}
