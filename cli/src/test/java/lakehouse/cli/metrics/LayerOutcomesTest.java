package lakehouse.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.bronze.BronzeResult;
import lakehouse.bronze.RejectedFile;
import lakehouse.bronze.RejectionReason;
import lakehouse.gold.GoldResult;
import lakehouse.shared.metrics.FileIo;
import lakehouse.shared.metrics.LayerIo;
import lakehouse.silver.ArrivalLatency;
import lakehouse.silver.SilverReport;
import org.junit.jupiter.api.Test;

class LayerOutcomesTest {

  @Test
  void theDatesOfABackfillAddUpPerLayerBesideWhatSparkMeasured() {
    LayerOutcomes outcomes = new LayerOutcomes();
    for (String date : List.of("2026-11-20", "2026-11-21")) {
      outcomes.add(
          new BronzeResult(
              date,
              4,
              1,
              1_000,
              List.of(new RejectedFile("landing/x.avro", RejectionReason.CORRUPT_FILE, "cut")),
              List.of(),
              3,
              1_000));
      outcomes.add(
          new SilverReport(
              1_000,
              900,
              40,
              60,
              Map.of("too_late", 50L),
              List.of(date),
              0,
              Map.of(),
              2_000,
              ArrivalLatency.none(LocalDate.parse(date))));
    }
    outcomes.add(
        GoldResult.builder()
            .tables(List.of("user_features", "campaign_daily"))
            .promotion("user_features", List.of("2026-11-21"), List.of(), List.of(), 4)
            .rowsPerPartition("user_features", Map.of("2026-11-21", 120L, "2026-11-20", 7L))
            .build());

    Map<String, LayerIo> measured = new LinkedHashMap<>();
    measured.put("bronze", io(2_000, 10, 1));
    measured.put("silver", io(4_000, 30, 6));
    measured.put("gold", io(500, 2_500, 2));
    List<LayerMetrics> layers = outcomes.metrics(measured);

    assertThat(layers).extracting(LayerMetrics::layer).containsExactly("bronze", "silver", "gold");
    LayerMetrics bronze = layers.get(0);
    assertThat(bronze.recordsIn()).isEqualTo(2_000);
    assertThat(bronze.recordsPerSecond()).isEqualTo(1_000.0);
    assertThat(bronze.landingFiles())
        .containsEntry("ingested", 8L)
        .containsEntry("skipped", 2L)
        .containsEntry("rejected", 2L);
    assertThat(bronze.rejectedFilesByReason())
        .containsEntry("corrupt_file", 2L)
        .containsEntry("unknown_schema", 0L);
    assertThat(bronze.deltaCommitDurationsMs()).hasSize(1);
    LayerMetrics silver = layers.get(1);
    assertThat(silver.recordsOut())
        .containsExactly(
            Map.entry("accepted", 1_800L),
            Map.entry("quarantined", 120L),
            Map.entry("duplicate", 80L));
    assertThat(silver.quarantinedByReason()).containsEntry("too_late", 100L);
    LayerMetrics gold = layers.get(2);
    assertThat(gold.recordsIn()).as("the silver rows gold's scans read").isEqualTo(2_500);
    assertThat(gold.rowsPromotedByTable())
        .as("rows of the promoted partitions only")
        .containsEntry("user_features", 120L)
        .containsEntry("campaign_daily", 0L);
    assertThat(gold.partitionsPromotedByTable()).containsEntry("user_features", 1L);
    assertThat(gold.recordsOut()).containsEntry("promoted", 120L);
  }

  @Test
  void aLayerThatFailedBeforeItsResultHasSparksFiguresAlone() {
    List<LayerMetrics> layers = new LayerOutcomes().metrics(Map.of("silver", io(3_000, 42, 0)));

    assertThat(layers)
        .singleElement()
        .satisfies(
            silver -> {
              assertThat(silver.recordsIn()).isEqualTo(42);
              assertThat(silver.recordsOut()).isEmpty();
              assertThat(silver.durationMs()).isEqualTo(3_000);
            });
  }

  private static LayerIo io(long durationMs, long recordsRead, int commits) {
    return new LayerIo(
        durationMs,
        new FileIo(3, 1_000, recordsRead),
        new FileIo(2, 500, 10),
        Map.of("parquet", 3L),
        commits,
        Collections.nCopies(commits, 250L));
  }
}
