package lakehouse.gold.status;

/**
 * One partition of one table as {@code status} shows it.
 *
 * @param table where the table lives relative to the lake root
 * @param runId the run whose commit last changed the partition, or null when Delta no longer keeps
 *     that commit's file
 * @param writtenAt UTC time of that commit (ISO-8601), or null
 * @param stale null when not stale, else why
 */
public record PartitionStatus(
    String table, String partition, long rows, String runId, String writtenAt, String stale) {}
