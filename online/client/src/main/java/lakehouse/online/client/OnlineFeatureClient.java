package lakehouse.online.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Reads users' published features by user id, for serving. Safe to share between threads (it keeps
 * a small pool of connections); close it when done. Each read is one HGETALL of the user's hash,
 * which Redis answers whole, so the features read are always those of one publish.
 *
 * <pre>{@code
 * RedisEndpoint redis = new RedisEndpoint("redis.internal", 6379, System.getenv("LAKEHOUSE_REDIS_PASSWORD"),
 *     Duration.ofSeconds(2), Duration.ofSeconds(10));
 * try (OnlineFeatureClient client = new OnlineFeatureClient(redis)) {
 *   client.features("u-42").ifPresent(f -> score(f.value("ctr_7d")));
 * }
 * }</pre>
 *
 * Redis failures are thrown as Jedis's own unchecked exceptions.
 */
public final class OnlineFeatureClient implements AutoCloseable {
  private final JedisPooled redis;

  public OnlineFeatureClient(RedisEndpoint endpoint) {
    this.redis =
        new JedisPooled(
            servingPool(),
            new HostAndPort(endpoint.host(), endpoint.port()),
            endpoint.clientConfig());
  }

  /**
   * The pool Jedis uses by default (at most 8 connections, opened as needed and kept), without its
   * JMX registration. Registering the pool's MBean starts the platform MBean server, which made
   * constructing a client take several times as long and left its first few thousand lookups twice
   * as slow as those of a plain connection, until the JIT caught up.
   */
  private static GenericObjectPoolConfig<Connection> servingPool() {
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setJmxEnabled(false);
    return pool;
  }

  /** The user's features, or empty when none are published for the user (never, or expired). */
  public Optional<OnlineFeatures> features(String userId) {
    Map<String, String> fields = redis.hgetAll(FeatureHash.keyOf(userId));
    return fields.isEmpty() ? Optional.empty() : Optional.of(new OnlineFeatures(userId, fields));
  }

  /**
   * Several users' features in one round trip: one HGETALL per user, pipelined on one connection,
   * each answered whole. The caller bounds the batch: every answer is held until the last arrives.
   *
   * @return user id to features, in the order given, for the users that have features published
   */
  public Map<String, OnlineFeatures> features(List<String> userIds) {
    List<Response<Map<String, String>>> answers = new ArrayList<>(userIds.size());
    try (Pipeline pipeline = redis.pipelined()) {
      for (String userId : userIds) {
        answers.add(pipeline.hgetAll(FeatureHash.keyOf(userId)));
      }
      pipeline.sync();
    }
    Map<String, OnlineFeatures> found = new LinkedHashMap<>();
    for (int i = 0; i < userIds.size(); i++) {
      Map<String, String> fields = answers.get(i).get();
      if (!fields.isEmpty()) {
        found.put(userIds.get(i), new OnlineFeatures(userIds.get(i), fields));
      }
    }
    return found;
  }

  @Override
  public void close() {
    redis.close();
  }
}
