package lakehouse.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.gold.training.TrainingSetUsageException;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserFeatures;

/**
 * The feature groups a training set joins and the version of each: {@code --features
 * user_features:v1,campaign_daily:v1}; a group given without a version takes the configured one.
 * Without the option, both groups at the configured versions.
 */
record FeatureSelection(Map<String, String> versions) {
  static final String OPTION = "--features";

  FeatureSelection {
    versions = new LinkedHashMap<>(versions);
  }

  static FeatureSelection parse(List<String> given, GoldSettings configured) {
    Map<String, String> defaults =
        Map.of(
            UserFeatures.NAME, configured.userFeaturesVersion(),
            CampaignDaily.NAME, configured.campaignDailyVersion());
    Map<String, String> versions = new LinkedHashMap<>();
    if (given.isEmpty()) {
      versions.put(UserFeatures.NAME, configured.userFeaturesVersion());
      versions.put(CampaignDaily.NAME, configured.campaignDailyVersion());
      return new FeatureSelection(versions);
    }
    for (String item : given) {
      String[] parts = item.trim().split(":", -1);
      String group = parts[0];
      if (!defaults.containsKey(group)
          || parts.length > 2
          || (parts.length == 2 && parts[1].isBlank())) {
        throw new TrainingSetUsageException(
            OPTION
                + " "
                + item
                + ": expected GROUP[:VERSION] with GROUP one of "
                + List.of(UserFeatures.NAME, CampaignDaily.NAME));
      }
      versions.put(group, parts.length == 2 ? parts[1] : defaults.get(group));
    }
    return new FeatureSelection(versions);
  }

  boolean includes(String group) {
    return versions.containsKey(group);
  }

  String version(String group) {
    return versions.get(group);
  }

  /** As the manifest and messages write it: {@code user_features:v1,campaign_daily:v1}. */
  List<String> labels() {
    return versions.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
  }
}
