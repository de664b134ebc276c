package lakehouse.online.publish;

import java.time.Duration;
import java.time.LocalDate;
import lakehouse.online.client.RedisEndpoint;

/**
 * The run report's {@code online} object of a publish.
 *
 * @param table the gold table read, lake-relative ({@code gold/user_features/v1})
 * @param redis {@code host:port} of the store written; never a password
 * @param ttlSeconds each written hash's time to live
 */
public record PublishReport(
    String table,
    String asOfDate,
    String redis,
    long ttlSeconds,
    long rowsRead,
    long keysWritten,
    long keysKeptNewer,
    long durationMs) {

  public static PublishReport of(
      String table,
      LocalDate asOfDate,
      RedisEndpoint redis,
      Duration ttl,
      PublishCounts counts,
      long durationMs) {
    return new PublishReport(
        table,
        asOfDate.toString(),
        redis.address(),
        ttl.toSeconds(),
        counts.rowsRead(),
        counts.keysWritten(),
        counts.keysKeptNewer(),
        durationMs);
  }
}
