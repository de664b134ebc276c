package lakehouse.cli.metrics;

import java.util.Map;

/**
 * The state of the lake after a run, whatever the run did: how fresh its events are, what waits in
 * the landing zone, the watermark in force and the gold partitions that need rebuilding. The
 * report's {@code metrics.lake} object; pushed with the run's group.
 *
 * @param measuredAt when these were read (ISO-8601 UTC)
 * @param newestEventTime the newest event_time accepted into silver (ISO-8601 UTC), or null when
 *     silver holds no event
 * @param freshnessSeconds {@code measuredAt} minus {@code newestEventTime}, or null
 * @param newestProcessedIngestDate the newest ingest date silver processed files of, or null
 * @param watermark the newest processed ingest date minus the allowed lateness: events dated before
 *     it are quarantined as too_late; null with no processed date
 * @param allowedLatenessDays the allowed lateness in force
 * @param backlogDates landing dates holding at least one file that silver has not processed
 * @param backlogFiles landing files silver has not processed: not yet ingested, or rejected and not
 *     delivered again
 * @param goldPartitionsStale per gold table, partitions whose silver inputs changed after gold last
 *     built them, among the dates from the watermark on (older ones no run changes); every gold
 *     table present
 * @param latenessRecommendation the allowed lateness the last nights' lateness recommends (see
 *     {@link LatenessRecommendation}), this run's nights included
 * @param durationMs how long reading these took
 */
public record LakeGauges(
    String measuredAt,
    String newestEventTime,
    Long freshnessSeconds,
    String newestProcessedIngestDate,
    String watermark,
    int allowedLatenessDays,
    long backlogDates,
    long backlogFiles,
    Map<String, Long> goldPartitionsStale,
    LatenessRecommendation latenessRecommendation,
    long durationMs) {

  public LakeGauges {
    goldPartitionsStale = Map.copyOf(goldPartitionsStale);
  }
}
