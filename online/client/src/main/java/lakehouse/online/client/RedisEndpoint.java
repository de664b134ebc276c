package lakehouse.online.client;

import java.io.Serializable;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * The Redis that holds the online features and how to open a connection to it. Serializable, so
 * that executors connect themselves; the password (if any) travels with it and is never printed.
 *
 * @param password null when Redis needs none
 */
public record RedisEndpoint(
    String host, int port, String password, Duration connectTimeout, Duration commandTimeout)
    implements Serializable {

  /** How messages and reports name it: {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }

  JedisClientConfig clientConfig() {
    return DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(millis(connectTimeout))
        .socketTimeoutMillis(millis(commandTimeout))
        .password(password)
        .clientName("lakehouse")
        .build();
  }

  /** Jedis takes int milliseconds; a longer timeout than that (24 days) is as good as none. */
  private static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  /** One connection, opened now; the caller closes it. */
  public Jedis connect() {
    return new Jedis(new HostAndPort(host, port), clientConfig());
  }

  @Override
  public String toString() {
    return "RedisEndpoint[" + address() + (password == null ? "" : ", password ***") + "]";
  }
}
