package lakehouse.gold.online;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * One user's features as the online store holds them: the hash at {@code u:feat:<user_id>}. Its fields are
 * every column of the user_features row but the user id (the key itself) and the run id (lineage, not a
 * feature); null values are left out. Each value is a string that parses back to exactly the table's value:
 * integers in decimal, doubles as {@link Double#toString(double)} (which round-trips), timestamps as
 * ISO-8601 UTC instants ({@code 2026-11-20T23:59:59.999Z}), dates as ISO dates.
 */
public record FeatureHash(String key, Map<String, String> fields) {
  public static final String KEY_PREFIX = "u:feat:";

  /** Columns that are not features: the user id is the key, the run id says which gold run built the row. */
  private static final Set<String> NOT_PUBLISHED = Set.of(UserFeatures.USER_ID, UserFeatures.RUN_ID);

  public FeatureHash {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static String keyOf(String userId) {
    return KEY_PREFIX + userId;
  }

  /** The ISO date the features are as of; hashes of later dates win over earlier ones. */
  public String asOfDate() {
    return fields.get(UserFeatures.AS_OF_DATE);
  }

  /**
   * The hash of one row of user_features (any feature version: the row's own columns are published).
   *
   * @throws IllegalArgumentException if the row lacks the user id, as_of_date or feature_version, or holds
   *     a type with no defined text form
   */
  public static FeatureHash of(Row row) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (StructField column : row.schema().fields()) {
      String name = column.name();
      int index = row.fieldIndex(name);
      if (!NOT_PUBLISHED.contains(name) && !row.isNullAt(index)) {
        fields.put(name, text(name, row.get(index)));
      }
    }
    for (String required : new String[] {UserFeatures.AS_OF_DATE, UserFeatures.FEATURE_VERSION}) {
      if (!fields.containsKey(required)) {
        throw new IllegalArgumentException("a user_features row without " + required + " cannot be published");
      }
    }
    int user = row.fieldIndex(UserFeatures.USER_ID);
    if (row.isNullAt(user)) {
      throw new IllegalArgumentException("a user_features row without " + UserFeatures.USER_ID + " cannot be published");
    }
    return new FeatureHash(keyOf(row.getString(user)), fields);
  }

  /** The text form of one value, chosen so that a reader parses it back to exactly that value. */
  static String text(String column, Object value) {
    if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Boolean) {
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
    throw new IllegalArgumentException("column " + column + " holds a " + value.getClass().getSimpleName()
        + ", which has no defined text form in the online store");
  }
}
