package lakehouse.gold.lineage;

import java.util.Map;

/**
 * What the lineage table says about one gold table.
 *
 * @param latestByPartition the last recorded promotion of each partition key
 * @param lastRecordedDeltaVersion the highest gold Delta version recorded, -1 if none: promotions
 *     after it (a run that died between its commit and its lineage) must be read from the table's
 *     commit log
 */
public record LineageSnapshot(
    Map<String, LineageRecord> latestByPartition, long lastRecordedDeltaVersion) {
  public LineageSnapshot {
    latestByPartition = Map.copyOf(latestByPartition);
  }
}
