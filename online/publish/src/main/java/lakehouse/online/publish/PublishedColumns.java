package lakehouse.online.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lakehouse.online.client.FeatureHash;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Which columns of a user_features row the online store holds, and the row's hash in the store's
 * format ({@link FeatureHash}): every column but the user id (the hash's key) and the run id (which
 * gold run built the row: lineage, not a feature). Any feature version publishes its own columns.
 */
final class PublishedColumns {
  /**
   * Columns that are not features: the user id is the key, the run id says which gold run built the
   * row.
   */
  private static final Set<String> NOT_PUBLISHED =
      Set.of(UserFeatures.USER_ID, UserFeatures.RUN_ID);

  private PublishedColumns() {}

  /**
   * The hash of one row of user_features.
   *
   * @throws IllegalArgumentException if the row lacks the user id, as_of_date or feature_version,
   *     or holds a type with no defined text form
   */
  static FeatureHash hashOf(Row row) {
    Map<String, Object> features = new LinkedHashMap<>();
    for (StructField column : row.schema().fields()) {
      String name = column.name();
      if (!NOT_PUBLISHED.contains(name)) {
        features.put(name, row.get(row.fieldIndex(name)));
      }
    }
    int user = row.fieldIndex(UserFeatures.USER_ID);
    return FeatureHash.of(row.isNullAt(user) ? null : row.getString(user), features);
  }
}
