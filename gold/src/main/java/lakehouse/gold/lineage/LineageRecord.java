package lakehouse.gold.lineage;

import java.time.Instant;
import java.util.Map;

/**
 * Where one promoted gold partition came from: the run that built it, when, and the Delta versions
 * of the silver tables it read. {@code status} compares these versions with the silver tables'
 * current ones to tell a stale partition.
 *
 * @param deltaTableId Delta's id of the gold table, so records of a dropped and recreated table are
 *     not mistaken for the current table's
 * @param deltaVersion the gold table's Delta version that the promotion created
 * @param inputVersions lake-relative path of each silver table read (e.g. {@code silver/ad_events})
 *     to the Delta version read; -1 when the table did not exist yet
 * @param promotionId identifies the promotion commit (also in the commit's userMetadata)
 */
public record LineageRecord(
    String table,
    String version,
    String partitionKey,
    String runId,
    Instant runStartedAt,
    Instant promotedAt,
    String deltaTableId,
    long deltaVersion,
    long rowCount,
    Map<String, Long> inputVersions,
    String promotionId) {

  public LineageRecord {
    inputVersions = Map.copyOf(inputVersions);
  }
}
