package lakehouse.cli;

import lakehouse.online.client.testing.RedisServer;

/**
 * The options that point a lakehouse command at a test's Redis, as an operator would with {@code
 * --set}.
 */
final class OnlineStoreOptions {
  private OnlineStoreOptions() {}

  /** {@code --set} options naming the server's host and port. */
  static String[] pointingAt(RedisServer redis) {
    return new String[] {
      "--set", "online.redis.host=" + RedisServer.HOST, "--set", "online.redis.port=" + redis.port()
    };
  }
}
