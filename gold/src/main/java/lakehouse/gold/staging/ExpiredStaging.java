package lakehouse.gold.staging;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One run's staged partition found older than the staging retention.
 *
 * @param partitionKey the partition's key, or {@link #ALL_PARTITIONS} for a run that died while
 *     writing its partitions, before moving them to their own folders
 * @param lastModified ISO-8601 UTC instant of the newest file in the folder
 * @param removed false on a dry run
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExpiredStaging(
    String table,
    String version,
    String partitionKey,
    String runId,
    String path,
    String lastModified,
    boolean removed) {

  /** The partition key reported for a run's unfinished write of all its partitions. */
  public static final String ALL_PARTITIONS = "*";
}
