package lakehouse.cli.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.metrics.FileIo;

/**
 * One layer's figures of a run: the report's {@code metrics.layers.<layer>} object and the metrics
 * pushed in the layer's group. Maps a layer does not have (rejected files for silver, say) are left
 * out of the JSON.
 *
 * @param durationMs the layer's wall time; over every date of a backfill together
 * @param recordsIn records the layer took in: landing records (bronze), bronze rows decided on
 *     (silver), silver rows read (gold), gold rows read (publish)
 * @param recordsOut records by outcome: ingested (bronze); accepted, quarantined, duplicate
 *     (silver); promoted (gold); written, kept_newer (publish)
 * @param quarantinedByReason silver's quarantined records per rule; a record failing two rules
 *     counts in both
 * @param landingFiles bronze's landing files by outcome: ingested, skipped (already ingested),
 *     rejected
 * @param rejectedFilesByReason bronze's rejected files per reason, every reason present
 * @param rowsPromotedByTable gold's rows in the partitions it promoted, per table
 * @param partitionsPromotedByTable gold's partitions promoted, per table
 * @param recordsPerSecond {@code recordsIn} per second of the layer's wall time
 * @param read files, bytes and records the layer read, as Spark measured them
 * @param written files, bytes and records the layer wrote
 * @param deltaCommitDurationsMs the duration of each Delta commit the layer made
 * @param arrivalLatencySeconds silver's arrival latency of the newest ingest date it read: {@code
 *     0.5}, {@code 0.9}, {@code 0.99}, {@code 0.999} (approximate quantiles) and {@code max}
 * @param arrivalRecordsByDaysLate silver's records by days late, {@code 0}, {@code 1}, {@code 2}
 *     and {@code 3+}, too_late ones included; over every date of a backfill
 */
public record LayerMetrics(
    String layer,
    long durationMs,
    long recordsIn,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> recordsOut,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> quarantinedByReason,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> landingFiles,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> rejectedFilesByReason,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> rowsPromotedByTable,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> partitionsPromotedByTable,
    double recordsPerSecond,
    FileIo read,
    FileIo written,
    long deltaCommits,
    List<Long> deltaCommitDurationsMs,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> arrivalLatencySeconds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> arrivalRecordsByDaysLate) {

  /** Maps keep the order the layer gave (outcomes as they happen, reasons as the rules run). */
  public LayerMetrics {
    recordsOut = ordered(recordsOut);
    quarantinedByReason = ordered(quarantinedByReason);
    landingFiles = ordered(landingFiles);
    rejectedFilesByReason = ordered(rejectedFilesByReason);
    rowsPromotedByTable = ordered(rowsPromotedByTable);
    partitionsPromotedByTable = ordered(partitionsPromotedByTable);
    deltaCommitDurationsMs = List.copyOf(deltaCommitDurationsMs);
    arrivalLatencySeconds = ordered(arrivalLatencySeconds);
    arrivalRecordsByDaysLate = ordered(arrivalRecordsByDaysLate);
  }

  /** Records per second of the given wall time, 0 for none. */
  static double perSecond(long records, long durationMs) {
    return durationMs > 0 ? records * 1000.0 / durationMs : 0;
  }

  private static Map<String, Long> ordered(Map<String, Long> counts) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }
}
