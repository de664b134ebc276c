package lakehouse.cli.report;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one ingest date's run did, as the report page draws it: read from the run report of a {@code
 * run} or from one date of a {@code backfill}.
 *
 * @param night the ingest date
 * @param runId the run that processed it
 * @param status the date's status in its report
 * @param layerMillis wall time of each layer that ran, in the order they ran (bronze, silver, gold,
 *     online)
 * @param layerRecords the records each layer handled: landing records read by bronze, records read
 *     by silver, rows gold promoted, keys the publish wrote
 * @param silverRead records silver read
 * @param duplicates records silver dropped as duplicates
 * @param quarantinedByReason records silver quarantined, by reason (a record may have several)
 * @param rejectedFiles landing files bronze rejected
 * @param latencySeconds silver's arrival-latency percentiles (p50 to max), empty when not measured
 * @param daysLate silver's records by days late, empty when not measured
 * @param freshnessSeconds the lake's freshness measured at the end of the run, or null (only the
 *     last date of a command has it)
 */
public record NightFigures(
    LocalDate night,
    String runId,
    String status,
    Map<String, Long> layerMillis,
    Map<String, Long> layerRecords,
    long silverRead,
    long duplicates,
    Map<String, Long> quarantinedByReason,
    long rejectedFiles,
    Map<String, Long> latencySeconds,
    Map<String, Long> daysLate,
    Long freshnessSeconds) {

  public NightFigures {
    layerMillis = ordered(layerMillis);
    layerRecords = ordered(layerRecords);
    quarantinedByReason = ordered(quarantinedByReason);
    latencySeconds = ordered(latencySeconds);
    daysLate = ordered(daysLate);
  }

  /** Records per second of a layer's wall time; 0 when it did not run or took no time. */
  public double recordsPerSecond(String layer) {
    long millis = layerMillis.getOrDefault(layer, 0L);
    return millis <= 0 ? 0 : layerRecords.getOrDefault(layer, 0L) * 1000.0 / millis;
  }

  /** This night with the lake's freshness measured at the end of its command. */
  public NightFigures withFreshness(Long seconds) {
    return new NightFigures(
        night,
        runId,
        status,
        layerMillis,
        layerRecords,
        silverRead,
        duplicates,
        quarantinedByReason,
        rejectedFiles,
        latencySeconds,
        daysLate,
        seconds);
  }

  private static Map<String, Long> ordered(Map<String, Long> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
