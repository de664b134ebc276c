package lakehouse.gold.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.config.RetentionSettings;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import org.junit.jupiter.api.Test;

class PartitionExpiryTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
  private final TableCatalog catalog = new TableCatalog(new LakeLayout("/lake"));
  private final GoldSettings gold = new GoldSettings("v1", "v1", 1000);

  @Test
  void onlyBronzeAndQuarantineAreSelectedEachWithItsOwnRetention() {
    List<PartitionExpiry> expiries = PartitionExpiry.select(catalog.tables(gold), retention(30, 90), TODAY);
    assertEquals(List.of("bronze/ad_events", "silver/quarantine"),
        expiries.stream().map(expiry -> expiry.table().location()).toList());
    assertEquals(LocalDate.parse("2026-10-24"), expiries.get(0).cutoff());
    assertEquals(LocalDate.parse("2026-08-25"), expiries.get(1).cutoff());
    assertTrue(expiries.stream().allMatch(PartitionExpiry::applies));
  }

  @Test
  void aRetentionOfZeroKeepsEveryPartitionButTheTableIsStillReported() {
    List<PartitionExpiry> expiries = PartitionExpiry.select(catalog.tables(gold), retention(0, 7), TODAY);
    assertEquals(2, expiries.size());
    assertFalse(expiries.get(0).applies());
    assertTrue(expiries.get(1).applies());
  }

  private static RetentionSettings retention(int bronzeDays, int quarantineDays) {
    return new RetentionSettings(Duration.ofHours(24), Duration.ofDays(7), bronzeDays, quarantineDays);
  }
}
