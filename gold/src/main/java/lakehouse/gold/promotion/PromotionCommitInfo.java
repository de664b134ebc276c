package lakehouse.gold.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a promotion commit says about itself, as JSON in the Delta commit's userMetadata. It is
 * written in the same atomic commit as the data, so it is the authoritative record of which run a
 * partition holds even when the run died before recording its lineage.
 *
 * @param runStartedAt ISO-8601 instant of the run's first start
 * @param partitions partition key to row count, for the partitions this commit replaced
 * @param inputVersions silver table (lake-relative path) to the Delta version read
 * @param runTables every gold table the run promotes, as {@code <name>/<version>}, in promotion
 *     order: what a reader needs to see of a run before it may show any of it. Empty in commits
 *     written before runs recorded it (read as: this table only)
 */
public record PromotionCommitInfo(
    String promotionId,
    String runId,
    String runStartedAt,
    String table,
    String version,
    Map<String, Long> partitions,
    Map<String, Long> inputVersions,
    List<String> runTables) {

  /** Marks commit metadata written by gold promotion, to tell it from any other writer's. */
  static final String MARKER = "lakehouse-gold-promotion";

  private static final TypeReference<Map<String, Object>> MAP_OF_VALUES = new TypeReference<>() {};
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public PromotionCommitInfo {
    partitions = new TreeMap<>(partitions);
    inputVersions = new TreeMap<>(inputVersions);
    runTables = runTables == null ? List.of() : List.copyOf(runTables);
  }

  public String toJson() {
    try {
      Map<String, Object> document = new TreeMap<>(JSON.convertValue(this, MAP_OF_VALUES));
      document.put("kind", MARKER);
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render promotion commit info", e);
    }
  }

  /** The info of a gold promotion commit; empty for any other commit's metadata. */
  public static Optional<PromotionCommitInfo> parse(String userMetadata) {
    if (userMetadata == null || !userMetadata.contains(MARKER)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(userMetadata, PromotionCommitInfo.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
