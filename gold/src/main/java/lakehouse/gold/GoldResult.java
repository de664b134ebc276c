package lakehouse.gold;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lakehouse.gold.staging.ExpiredStaging;

/**
 * What the gold layer did for one run; serialised (snake_case) as the run report's {@code gold}
 * object. Maps are keyed by table name, partition lists hold ISO dates in ascending order; the
 * three outcome maps name every gold table, with an empty list for a table that had nothing in that
 * outcome. Built with {@link #builder()}, so a part the run did not produce is an empty list or
 * map, never a positional null.
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
    long durationMs) {

  public static Builder builder() {
    return new Builder();
  }

  /** Collects a run's result table by table; tables keep the order in which they were added. */
  public static final class Builder {
    private String ingestDate;
    private String runId;
    private String runStartedAt;
    private List<String> changedEventDates = List.of();
    private final Map<String, List<String>> promoted = new LinkedHashMap<>();
    private final Map<String, List<String>> alreadyPromoted = new LinkedHashMap<>();
    private final Map<String, List<String>> superseded = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> rowsPerPartition = new LinkedHashMap<>();
    private final Map<String, Long> tableVersions = new LinkedHashMap<>();
    private final Map<String, Long> inputVersions = new TreeMap<>();
    private final List<String> messages = new ArrayList<>();
    private List<ExpiredStaging> stagingRemoved = List.of();
    private long durationMs;

    private Builder() {}

    public Builder run(String ingestDate, String runId, String runStartedAt) {
      this.ingestDate = ingestDate;
      this.runId = runId;
      this.runStartedAt = runStartedAt;
      return this;
    }

    /**
     * Names every gold table of the run, so each outcome lists it, with an empty list when the run
     * had nothing of that table to promote.
     */
    public Builder tables(List<String> names) {
      for (String name : names) {
        promoted.putIfAbsent(name, List.of());
        alreadyPromoted.putIfAbsent(name, List.of());
        superseded.putIfAbsent(name, List.of());
      }
      return this;
    }

    public Builder changedEventDates(List<String> dates) {
      this.changedEventDates = List.copyOf(dates);
      return this;
    }

    /**
     * One table's promotion: the partitions by outcome and the table's Delta version after the run.
     */
    public Builder promotion(
        String table,
        List<String> promotedDates,
        List<String> alreadyPromotedDates,
        List<String> supersededDates,
        long versionAfter) {
      promoted.put(table, promotedDates);
      alreadyPromoted.put(table, alreadyPromotedDates);
      superseded.put(table, supersededDates);
      tableVersions.put(table, versionAfter);
      return this;
    }

    public Builder rowsPerPartition(String table, Map<String, Long> rows) {
      rowsPerPartition.put(table, rows);
      return this;
    }

    public Builder inputVersions(Map<String, Long> versions) {
      inputVersions.putAll(versions);
      return this;
    }

    public Builder message(String message) {
      messages.add(message);
      return this;
    }

    public Builder stagingRemoved(List<ExpiredStaging> removed) {
      this.stagingRemoved = List.copyOf(removed);
      return this;
    }

    public Builder durationMs(long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    public GoldResult build() {
      return new GoldResult(
          ingestDate,
          runId,
          runStartedAt,
          changedEventDates,
          promoted,
          alreadyPromoted,
          superseded,
          rowsPerPartition,
          tableVersions,
          inputVersions,
          messages,
          stagingRemoved,
          durationMs);
    }
  }
}
