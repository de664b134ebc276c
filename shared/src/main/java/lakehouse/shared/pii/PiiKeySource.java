package lakehouse.shared.pii;

import java.util.Map;
import java.util.function.Consumer;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.PiiSettings;

/**
 * Finds the lake's secret key: the environment variable named in the configuration, or, only where
 * the configuration allows it (the local demo), the fixed development key, which is announced.
 */
public final class PiiKeySource {
  private PiiKeySource() {}

  public static PiiTokenizer tokenizer(
      PiiSettings settings, Map<String, String> environment, Consumer<String> warn) {
    String secret = environment.get(settings.keyEnvironmentVariable());
    if (secret != null && !secret.isEmpty()) {
      return PiiTokenizer.fromSecret(secret);
    }
    if (settings.allowsDevelopmentKey()) {
      warn.accept(
          settings.keyEnvironmentVariable()
              + " is not set: using the fixed development key of this "
              + "configuration; personal-data tokens are not secret (demo only)");
      return PiiTokenizer.fromSecret(settings.developmentKey());
    }
    throw new ConfigurationException(
        settings.keyEnvironmentVariable()
            + " is not set: the secret key for personal-data tokens is required (export it, or use conf/local.conf for the demo)");
  }
}
