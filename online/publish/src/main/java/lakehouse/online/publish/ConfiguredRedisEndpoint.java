package lakehouse.online.publish;

import java.util.Map;
import lakehouse.online.client.RedisEndpoint;
import lakehouse.shared.config.OnlineStoreSettings;

/**
 * The Redis that the lakehouse configuration names ({@code lakehouse.online.redis}), with its
 * password read from the environment: the settings hold only the variable's name, so no file or
 * report can show it.
 */
public final class ConfiguredRedisEndpoint {
  private ConfiguredRedisEndpoint() {}

  /**
   * The configured Redis, with the password taken from the environment variable the settings name.
   */
  public static RedisEndpoint of(OnlineStoreSettings settings, Map<String, String> environment) {
    String password = environment.get(settings.passwordEnvironmentVariable());
    return new RedisEndpoint(
        settings.redisHost(),
        settings.redisPort(),
        password == null || password.isEmpty() ? null : password,
        settings.connectTimeout(),
        settings.commandTimeout());
  }
}
