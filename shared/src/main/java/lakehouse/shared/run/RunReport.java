package lakehouse.shared.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of one command, written to {@code _runs/<run id>.json}. Layers fill in their own
 * part (an object each) under {@code layers}.
 *
 * @param configuration the effective configuration, secrets masked
 * @param startedAt ISO-8601 UTC instant
 * @param seed the seed of a generator run, or null
 */
public record RunReport(
    String runId,
    String command,
    List<String> arguments,
    RunStatus status,
    int exitStatus,
    String profile,
    String lake,
    JsonNode configuration,
    Versions versions,
    String startedAt,
    String endedAt,
    long durationMs,
    Long seed,
    Map<String, Object> layers,
    String error) {}
