package lakehouse.shared.config;

import java.io.Serializable;

/** Where the secret key for personal-data tokens comes from. */
public record PiiSettings(String keyEnvironmentVariable, String developmentKey)
    implements Serializable {

  public boolean allowsDevelopmentKey() {
    return !developmentKey.isEmpty();
  }

  @Override
  public String toString() {
    return "PiiSettings[keyEnvironmentVariable="
        + keyEnvironmentVariable
        + ", developmentKey="
        + (allowsDevelopmentKey() ? "***" : "")
        + "]";
  }
}
