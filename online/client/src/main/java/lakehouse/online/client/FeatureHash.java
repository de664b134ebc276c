package lakehouse.online.client;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One user's features as the online store holds them: the hash at {@code u:feat:<user_id>}. Its
 * fields are the user's features (every column of the user_features row but the user id, which is
 * the key, and the run id, which is lineage, not a feature); null values are left out. Each value
 * is a string that parses back to exactly the table's value: integers in decimal, doubles as {@link
 * Double#toString(double)} (which round-trips), timestamps as ISO-8601 UTC instants ({@code
 * 2026-11-20T23:59:59.999Z}), dates as ISO dates. The format is defined here alone: the publisher
 * writes it, {@link OnlineFeatureClient} reads it.
 */
public record FeatureHash(String key, Map<String, String> fields) {
  public static final String KEY_PREFIX = "u:feat:";

  /** The field holding the ISO date the features are as of (user_features' column of that name). */
  public static final String AS_OF_DATE = "as_of_date";

  /**
   * The field holding the feature version that computed them (user_features' column of that name).
   */
  public static final String FEATURE_VERSION = "feature_version";

  public FeatureHash {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static String keyOf(String userId) {
    return KEY_PREFIX + userId;
  }

  /** The ISO date the features are as of; hashes of later dates win over earlier ones. */
  public String asOfDate() {
    return fields.get(AS_OF_DATE);
  }

  /**
   * The hash of one user's features, each value in its text form, in the order given; a null value
   * is left out.
   *
   * @param features feature name to value: String, Long, Integer, Boolean, Double, {@link
   *     Timestamp}, {@link Instant}, {@link Date} or {@link LocalDate}, or null
   * @throws IllegalArgumentException if the user id, as_of_date or feature_version is missing, or a
   *     value holds a type with no defined text form
   */
  public static FeatureHash of(String userId, Map<String, ?> features) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, ?> feature : features.entrySet()) {
      if (feature.getValue() != null) {
        fields.put(feature.getKey(), text(feature.getKey(), feature.getValue()));
      }
    }
    for (String required : new String[] {AS_OF_DATE, FEATURE_VERSION}) {
      if (!fields.containsKey(required)) {
        throw new IllegalArgumentException(
            "a user_features row without " + required + " cannot be published");
      }
    }
    if (userId == null) {
      throw new IllegalArgumentException("a user_features row without user_id cannot be published");
    }
    return new FeatureHash(keyOf(userId), fields);
  }

  /** The text form of one value, chosen so that a reader parses it back to exactly that value. */
  static String text(String column, Object value) {
    if (value instanceof String
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    throw new IllegalArgumentException(
        "column "
            + column
            + " holds a "
            + value.getClass().getSimpleName()
            + ", which has no defined text form in the online store");
  }
}
