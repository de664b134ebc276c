package lakehouse.gold.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.config.RetentionSettings;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PartitionExpiryTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
  private final TableCatalog catalog = new TableCatalog(new LakeLayout("/lake"));
  private final GoldSettings gold = new GoldSettings("v1", "v1", 1000);

  @Test
  @DisplayName("only bronze and quarantine are selected, each with its own retention")
  void onlyBronzeAndQuarantineAreSelected() {
    List<PartitionExpiry> expiries =
        PartitionExpiry.select(catalog.tables(gold), retention(30, 90), TODAY);
    assertThat(expiries.stream().map(expiry -> expiry.table().location()).toList())
        .containsExactly("bronze/ad_events", "silver/quarantine");
    assertThat(expiries.get(0).cutoff()).isEqualTo(LocalDate.parse("2026-10-24"));
    assertThat(expiries.get(1).cutoff()).isEqualTo(LocalDate.parse("2026-08-25"));
    assertThat(expiries).allMatch(PartitionExpiry::applies);
  }

  @Test
  @DisplayName("a retention of zero keeps every partition, but the table is still reported")
  void aZeroRetentionKeepsEveryPartition() {
    List<PartitionExpiry> expiries =
        PartitionExpiry.select(catalog.tables(gold), retention(0, 7), TODAY);
    assertThat(expiries).hasSize(2);
    assertThat(expiries.get(0).applies()).isFalse();
    assertThat(expiries.get(1).applies()).isTrue();
  }

  private static RetentionSettings retention(int bronzeDays, int quarantineDays) {
    return new RetentionSettings(
        Duration.ofHours(24), Duration.ofDays(7), bronzeDays, quarantineDays);
  }
}
