package lakehouse.online.client;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One user's published features, as the online store holds them: every field of the user's hash,
 * all of one publish. Values are text ({@link FeatureHash} says how each type is written); a
 * feature that was null (ctr_7d with no impressions) is absent.
 */
public record OnlineFeatures(String userId, Map<String, String> fields) {

  public OnlineFeatures {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public LocalDate asOfDate() {
    return LocalDate.parse(fields.get(FeatureHash.AS_OF_DATE));
  }

  public String featureVersion() {
    return fields.get(FeatureHash.FEATURE_VERSION);
  }

  /** One feature's value, or empty when it was null or is not a feature of this version. */
  public Optional<String> value(String column) {
    return Optional.ofNullable(fields.get(column));
  }
}
