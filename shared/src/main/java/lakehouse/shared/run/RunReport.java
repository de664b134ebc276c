package lakehouse.shared.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of one command, written to {@code _runs/<run id>.json}. Layers fill in their own
 * part (an object each) under {@code layers}. Built with {@link #builder}, so a part a command does
 * not have (a seed, an error) is left out by name rather than passed as a null.
 *
 * @param configuration the effective configuration, secrets masked
 * @param startedAt ISO-8601 UTC instant
 * @param seed the seed of a generator run, or null
 * @param cost what the command's layers read and wrote and the object-store requests that implies,
 *     or null for a command that ran no Spark work
 * @param metrics the run's metrics as they are exported to Prometheus (docs/MONITORING.md), or null
 *     for a command that measures none
 * @param error why the command failed, or null
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
    Object cost,
    Object metrics,
    String error) {

  public static Builder builder(String runId, String command) {
    return new Builder(runId, command);
  }

  /** Collects a report's parts by name; the exit status follows from the status. */
  public static final class Builder {
    private final String runId;
    private final String command;
    private List<String> arguments = List.of();
    private RunStatus status;
    private String profile;
    private String lake;
    private JsonNode configuration;
    private Versions versions;
    private Instant startedAt;
    private Instant endedAt;
    private Long seed;
    private Map<String, Object> layers = Map.of();
    private Object cost;
    private Object metrics;
    private String error;

    private Builder(String runId, String command) {
      this.runId = runId;
      this.command = command;
    }

    public Builder arguments(List<String> arguments) {
      this.arguments = List.copyOf(arguments);
      return this;
    }

    public Builder status(RunStatus status) {
      this.status = status;
      return this;
    }

    public Builder profile(String profile) {
      this.profile = profile;
      return this;
    }

    public Builder lake(String lake) {
      this.lake = lake;
      return this;
    }

    public Builder configuration(JsonNode configuration) {
      this.configuration = configuration;
      return this;
    }

    public Builder versions(Versions versions) {
      this.versions = versions;
      return this;
    }

    public Builder timing(Instant startedAt, Instant endedAt) {
      this.startedAt = startedAt;
      this.endedAt = endedAt;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder layers(Map<String, Object> layers) {
      this.layers = Map.copyOf(layers);
      return this;
    }

    public Builder cost(Object cost) {
      this.cost = cost;
      return this;
    }

    public Builder metrics(Object metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder error(String error) {
      this.error = error;
      return this;
    }

    public RunReport build() {
      if (status == null || startedAt == null || endedAt == null) {
        throw new IllegalStateException("a run report needs a status and its start and end");
      }
      return new RunReport(
          runId,
          command,
          arguments,
          status,
          status.exitStatus(),
          profile,
          lake,
          configuration,
          versions,
          startedAt.toString(),
          endedAt.toString(),
          endedAt.toEpochMilli() - startedAt.toEpochMilli(),
          seed,
          layers,
          cost,
          metrics,
          error);
    }
  }
}
