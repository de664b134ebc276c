package lakehouse.gold.staging;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One run's staged partition found older than the staging retention.
 *
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
    boolean removed) {}
