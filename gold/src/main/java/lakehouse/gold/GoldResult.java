package lakehouse.gold;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import lakehouse.gold.staging.ExpiredStaging;

/**
 * What the gold layer did for one run; serialised (snake_case) as the run report's {@code gold} object.
 * Maps are keyed by table name, partition lists hold ISO dates in ascending order.
 *
 * @param partitionsPromoted partitions that now hold this run's output
 * @param partitionsAlreadyPromoted partitions that already held it (a retry): nothing written
 * @param partitionsSuperseded partitions kept with a newer run's output; see {@code messages}
 * @param rowsPerPartition rows this run computed for each partition it built
 * @param tableVersions each table's Delta version after the run
 * @param inputVersions the Delta version of each silver table read (-1: absent)
 * @param messages one line per partition not promoted, saying why
 * @param stagingRemoved expired staging of dead runs removed at the start of the run
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GoldResult(
    String ingestDate,
    String runId,
    String runStartedAt,
    List<String> changedEventDates,
    Map<String, List<String>> partitionsPromoted,
    Map<String, List<String>> partitionsAlreadyPromoted,
    Map<String, List<String>> partitionsSuperseded,
    Map<String, Map<String, Long>> rowsPerPartition,
    Map<String, Long> tableVersions,
    Map<String, Long> inputVersions,
    List<String> messages,
    List<ExpiredStaging> stagingRemoved,
    long durationMs) {}
