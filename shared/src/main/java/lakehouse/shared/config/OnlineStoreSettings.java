package lakehouse.shared.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where published features go and how long a user's features live there.
 *
 * @param ttl each user's hash expires this long after it was last written, so users who stop
 *     appearing leave the store
 * @param connectTimeout how long opening a connection to Redis may take
 * @param commandTimeout how long a command (or one pipelined batch) waits for Redis's answer
 * @param passwordEnvironmentVariable the environment variable holding Redis's password; unset or
 *     empty means no password. The password itself never enters the configuration, so no report can
 *     show it.
 * @param maxWritesPerSecond how many users' hashes a publish writes per second at most, all its
 *     executors together, so that serving reads keep their latency during a publish; 0 for no limit
 * @param verifySampleSize how many users a verification reads back at most: all of a date's users
 *     when they are no more, otherwise a seeded sample of about this many
 */
public record OnlineStoreSettings(
    String redisHost,
    int redisPort,
    Duration ttl,
    Duration connectTimeout,
    Duration commandTimeout,
    String passwordEnvironmentVariable,
    long maxWritesPerSecond,
    long verifySampleSize)
    implements Serializable {

  /** How messages and reports name the store: {@code host:port}, never a password. */
  public String redisAddress() {
    return redisHost + ":" + redisPort;
  }
}
