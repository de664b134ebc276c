package lakehouse.cli.metrics;

import java.util.List;
import java.util.Map;
import lakehouse.shared.metrics.FileIo;

/** Hand-made run metrics, as a night's would be. */
final class SampleRuns {
  private SampleRuns() {}

  static RunMetrics night(String status, int exitStatus, String endedAt, long rejectedFiles) {
    LayerMetrics bronze =
        new LayerMetrics(
            "bronze",
            2_000,
            1_000,
            Map.of("ingested", 1_000L),
            Map.of(),
            Map.of("ingested", 4L, "skipped", 0L, "rejected", rejectedFiles),
            Map.of("unknown_schema", 0L, "corrupt_file", rejectedFiles),
            Map.of(),
            Map.of(),
            500,
            new FileIo(5, 90_000, 1_000),
            new FileIo(4, 110_000, 1_000),
            1,
            List.of(1_500L),
            Map.of(),
            Map.of());
    LayerMetrics silver =
        new LayerMetrics(
            "silver",
            4_000,
            1_000,
            Map.of("accepted", 900L, "quarantined", 60L, "duplicate", 40L),
            Map.of("too_late", 50L, "invalid_country", 12L),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            250,
            new FileIo(20, 200_000, 3_000),
            new FileIo(8, 120_000, 1_900),
            3,
            List.of(300L, 700L, 50L),
            Map.of(
                "0.5", 40_000L, "0.9", 80_000L, "0.99", 170_000L, "0.999", 250_000L, "max",
                400_000L),
            Map.of("0", 700L, "1", 200L, "2", 50L, "3+", 50L));
    LayerMetrics gold =
        new LayerMetrics(
            "gold",
            500,
            1_900,
            Map.of("promoted", 340L),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of("user_features", 300L, "campaign_daily", 40L),
            Map.of("user_features", 1L, "campaign_daily", 1L),
            3_800,
            new FileIo(8, 120_000, 1_900),
            new FileIo(2, 30_000, 340),
            2,
            List.of(400L, 450L),
            Map.of(),
            Map.of());
    LakeGauges lake =
        new LakeGauges(
            endedAt,
            "2026-11-21T23:59:00Z",
            3_600L,
            "2026-11-21",
            "2026-11-19",
            2,
            1,
            2,
            Map.of("user_features", 0L, "campaign_daily", 1L),
            new LatenessRecommendation(
                2, 3, false, 0.999, 30, "2026-10-23", "2026-11-21", 30_000, 0.99, 280),
            900);
    return new RunMetrics(
        "run",
        status,
        exitStatus,
        endedAt,
        6_500,
        1_000,
        153.8,
        List.of(bronze, silver, gold),
        lake,
        List.of(),
        null);
  }
}
