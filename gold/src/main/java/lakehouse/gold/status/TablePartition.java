package lakehouse.gold.status;

import java.time.Instant;

/**
 * One partition of a table: its rows and the last commit that changed it.
 *
 * @param runId the run of that commit, or null when Delta no longer keeps the commit's file
 * @param committedAt epoch milliseconds of that commit, -1 when unknown
 */
public record TablePartition(String key, long rows, String runId, long committedAt) {

  /** UTC time of the last commit (ISO-8601), or null when unknown. */
  public String writtenAt() {
    return committedAt < 0 ? null : Instant.ofEpochMilli(committedAt).toString();
  }

  /** This partition as {@code status} shows it in a table. */
  public PartitionStatus status(String table, String stale) {
    return new PartitionStatus(table, key, rows, runId, writtenAt(), stale);
  }
}
