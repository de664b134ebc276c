package lakehouse.silver.features;

import java.util.List;

/** The feature groups silver maintains; a new group or version is one more entry. */
public final class FeatureGroups {
  private FeatureGroups() {}

  public static List<FeatureGroup> all() {
    return List.of(new UserDailyActivityGroup(), new AdHourlyActivityGroup());
  }
}
