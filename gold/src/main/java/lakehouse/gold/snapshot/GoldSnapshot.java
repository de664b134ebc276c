package lakehouse.gold.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One consistent snapshot of the gold tables: the Delta version of each, chosen together so that no
 * run's promotions are half seen ({@link SnapshotRule}).
 *
 * @param snapshotId derived from the versions, so the same versions always get the same id
 * @param takenAt ISO-8601 instant the snapshot was first taken
 * @param tables table as {@code <name>/<version>} to its Delta version
 */
public record GoldSnapshot(String snapshotId, String takenAt, Map<String, Long> tables) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .enable(SerializationFeature.INDENT_OUTPUT);

  public GoldSnapshot {
    tables = new TreeMap<>(tables);
  }

  /**
   * The id of a snapshot of these versions: {@code campaign_daily-v1-7.user_features-v1-12}, every
   * table's name, feature version and Delta version, in name order. Readable, and safe in a path.
   */
  public static String idOf(Map<String, Long> tables) {
    return new TreeMap<>(tables)
        .entrySet().stream()
            .map(e -> e.getKey().replace('/', '-') + "-" + e.getValue())
            .collect(Collectors.joining("."));
  }

  /** The Delta version of the table ({@code <name>/<version>}) in this snapshot. */
  public Optional<Long> version(String table) {
    return Optional.ofNullable(tables.get(table));
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render snapshot " + snapshotId, e);
    }
  }

  public static GoldSnapshot parse(String json) {
    try {
      return JSON.readValue(json, GoldSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a snapshot record: " + e.getOriginalMessage(), e);
    }
  }
}
