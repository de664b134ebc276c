package lakehouse.online.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.online.client.FeatureHash;

/**
 * Compares one user's hash as gold says it should be with the hash the store holds, field by field,
 * in the store's own text form ({@link FeatureHash}), so that a value matches only when a reader
 * would parse it back to gold's value.
 */
final class StoredHashComparison {
  private StoredHashComparison() {}

  /** How one user's stored hash compares with gold's row. */
  enum Outcome {
    MATCHES,
    DIFFERS,
    MISSING_KEY,
    /**
     * The store holds a later as_of_date: publish keeps it on purpose (a backfill never replaces
     * newer features), so it is no difference from the date verified.
     */
    NEWER
  }

  /** The outcome of one user and its differences (none unless it differs or is missing). */
  record UserComparison(Outcome outcome, List<FieldDifference> differences) {}

  /**
   * @param userId the user compared
   * @param expected the hash publish writes for gold's row
   * @param stored the store's fields for the user; null or empty when it has no hash
   */
  static UserComparison compare(String userId, FeatureHash expected, Map<String, String> stored) {
    if (stored == null || stored.isEmpty()) {
      return new UserComparison(Outcome.MISSING_KEY, List.of(FieldDifference.missingKey(userId)));
    }
    String storedDate = stored.get(FeatureHash.AS_OF_DATE);
    // ISO dates compare as text.
    if (storedDate != null && storedDate.compareTo(expected.asOfDate()) > 0) {
      return new UserComparison(Outcome.NEWER, List.of());
    }
    List<FieldDifference> differences = new ArrayList<>();
    for (Map.Entry<String, String> field : expected.fields().entrySet()) {
      String actual = stored.get(field.getKey());
      if (!field.getValue().equals(actual)) {
        differences.add(
            new FieldDifference(
                userId,
                FieldDifference.Kind.DIFFERENT_VALUE,
                field.getKey(),
                field.getValue(),
                actual));
      }
    }
    for (Map.Entry<String, String> field : stored.entrySet()) {
      if (!expected.fields().containsKey(field.getKey())) {
        differences.add(
            new FieldDifference(
                userId, FieldDifference.Kind.EXTRA_FIELD, field.getKey(), null, field.getValue()));
      }
    }
    return new UserComparison(
        differences.isEmpty() ? Outcome.MATCHES : Outcome.DIFFERS, List.copyOf(differences));
  }
}
