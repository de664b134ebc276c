package lakehouse.gold.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.shared.tables.UserFeatures;

/**
 * When a partition is stale, and why: the rules of {@code status}, apart from reading the lake so
 * they can be checked on partitions and lineage built by hand.
 */
public final class Staleness {
  private Staleness() {}

  /**
   * What {@code status} needs to know of a silver input: the partitions changed after a Delta
   * version.
   */
  @FunctionalInterface
  public interface InputChanges {
    /**
     * The partitions of a silver input changed after a version.
     *
     * @param input lake-relative path of the silver table, as the lineage names it
     * @return the partitions among {@code dates} changed by a commit after {@code version}, in
     *     order; none when the table does not exist
     */
    List<String> changedAfter(String input, long version, List<String> dates);
  }

  /**
   * A feature group partition is stale when silver's events of its date changed after it was built.
   */
  public static Optional<String> featureGroup(
      TablePartition built, Optional<TablePartition> events, String eventsTable) {
    if (events.isPresent()
        && built.committedAt() >= 0
        && events.get().committedAt() > built.committedAt()) {
      return Optional.of(
          eventsTable + " changed after it was built (run " + events.get().runId() + ")");
    }
    return Optional.empty();
  }

  /** A gold table of a feature version other than the configured one is stale as a whole. */
  public static Optional<String> otherVersion(String version, String configuredVersion) {
    return version.equals(configuredVersion)
        ? Optional.empty()
        : Optional.of("feature version " + version + ", configured " + configuredVersion);
  }

  /**
   * A gold partition is stale when a silver input it read changed, after the version it was built
   * from, in a date it reads. A partition without lineage is not known to be stale.
   */
  public static Optional<String> inputsChanged(
      Optional<LineageRecord> built, String table, LocalDate partitionKey, InputChanges changes) {
    if (built.isEmpty()) {
      return Optional.empty();
    }
    List<String> dates = datesRead(table, partitionKey);
    for (Map.Entry<String, Long> input : built.get().inputVersions().entrySet()) {
      List<String> changed = changes.changedAfter(input.getKey(), input.getValue(), dates);
      if (!changed.isEmpty()) {
        return Optional.of(
            input.getKey() + " changed after promotion (event dates " + changed + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * The event dates of silver a partition of the gold table is built from: user_features reads its
   * window.
   */
  public static List<String> datesRead(String table, LocalDate partitionKey) {
    int days = table.equals(UserFeatures.NAME) ? UserFeatures.WINDOW_DAYS : 1;
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      dates.add(partitionKey.minusDays(i).toString());
    }
    return dates;
  }
}
