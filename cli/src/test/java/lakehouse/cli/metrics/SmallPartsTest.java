package lakehouse.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.exporter.pushgateway.Scheme;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lakehouse.shared.config.ConfigurationException;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  private static final LocalDate D = LocalDate.parse("2026-11-21");

  @Test
  void backlogCountsTheFilesSilverHasNotProcessedAndTheirDates() {
    Backlog backlog =
        Backlog.of(
            Map.of(
                D.minusDays(1),
                List.of("a", "b"),
                D,
                List.of("c", "d"),
                D.plusDays(1),
                List.of("e")),
            Set.of("a", "b", "c"));
    assertThat(backlog).isEqualTo(new Backlog(2, 2));
  }

  @Test
  void staleGoldFollowsTheUserFeaturesWindowUpToTheNewestDate() {
    assertThat(StaleGold.partitions(Set.of(), D))
        .containsEntry("user_features", 0L)
        .containsEntry("campaign_daily", 0L);
    // D-1 changed: user_features as of D-1 and D (D+1.. are not built yet).
    assertThat(StaleGold.partitions(Set.of(D.minusDays(1)), D))
        .containsEntry("user_features", 2L)
        .containsEntry("campaign_daily", 1L);
    // D-9 and D-8: as of D-9 .. D-2, the window of 7 days of each.
    assertThat(StaleGold.partitions(Set.of(D.minusDays(9), D.minusDays(8)), D))
        .containsEntry("user_features", 8L)
        .containsEntry("campaign_daily", 2L);
  }

  @Test
  void aPushgatewayIsHostAndPortOrAUrl() {
    assertThat(PushgatewayAddress.parse("pushgateway.internal:9091"))
        .isEqualTo(new PushgatewayAddress(Scheme.HTTP, "pushgateway.internal:9091"));
    assertThat(PushgatewayAddress.parse("https://pg.example:443"))
        .isEqualTo(new PushgatewayAddress(Scheme.HTTPS, "pg.example:443"));
    assertThatThrownBy(() -> PushgatewayAddress.parse("ftp://pg:21"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lakehouse.metrics.pushgateway");
    assertThatThrownBy(() -> PushgatewayAddress.parse("http://pg"))
        .isInstanceOf(ConfigurationException.class);
  }
}
