package lakehouse.cli.metrics;

import java.time.Instant;
import java.util.List;
import lakehouse.shared.run.RunStatus;

/**
 * A command's metrics: the report's {@code metrics} object and what is pushed to Prometheus, one
 * source for both (docs/MONITORING.md names every figure).
 *
 * @param command run, backfill, publish, cleanup
 * @param status the report's status
 * @param endedAt when the command's work ended (ISO-8601 UTC), as the report's {@code ended_at}
 * @param durationMs the command's wall time, as the report's {@code duration_ms}
 * @param landingRecords records bronze read from the landing zone
 * @param recordsPerSecond landing records per second of the command's wall time
 * @param layers each layer the command ran, in order
 * @param lake the lake's state after the command, or null for a command that does not watch it
 *     (publish, cleanup) or when it could not be read (see {@code warnings})
 * @param warnings why the lake's state is missing, when it is
 * @param export where the metrics went, once they were sent
 */
public record RunMetrics(
    String command,
    String status,
    int exitStatus,
    String endedAt,
    long durationMs,
    long landingRecords,
    double recordsPerSecond,
    List<LayerMetrics> layers,
    LakeGauges lake,
    List<String> warnings,
    ExportOutcome export) {

  public RunMetrics {
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }

  /**
   * The metrics of a command that ended so, not yet exported.
   *
   * @param layers its layers' metrics, bronze's records in being the landing records
   * @param lake the lake after it, or null
   */
  public static RunMetrics of(
      String command,
      RunStatus status,
      Instant startedAt,
      Instant endedAt,
      List<LayerMetrics> layers,
      LakeGauges lake,
      List<String> warnings) {
    long durationMs = endedAt.toEpochMilli() - startedAt.toEpochMilli();
    long landing =
        layers.stream()
            .filter(layer -> layer.layer().equals("bronze"))
            .mapToLong(LayerMetrics::recordsIn)
            .sum();
    return new RunMetrics(
        command,
        status.label(),
        status.exitStatus(),
        endedAt.toString(),
        durationMs,
        landing,
        LayerMetrics.perSecond(landing, durationMs),
        layers,
        lake,
        warnings,
        null);
  }

  /** Whether the command succeeded, with or without rejected files. */
  public boolean succeeded() {
    return !RunStatus.FAILED.label().equals(status);
  }

  public RunMetrics exported(ExportOutcome outcome) {
    return new RunMetrics(
        command,
        status,
        exitStatus,
        endedAt,
        durationMs,
        landingRecords,
        recordsPerSecond,
        layers,
        lake,
        warnings,
        outcome);
  }
}
