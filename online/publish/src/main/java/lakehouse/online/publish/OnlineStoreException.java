package lakehouse.online.publish;

import lakehouse.online.client.RedisEndpoint;
import lakehouse.shared.error.LakehouseException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis could not be reached or refused the writes. The message is one line naming the Redis
 * ({@code host:port}) and the cause; never a value. What was written before the failure is whole
 * (each user's hash is replaced atomically), so publishing the date again is safe.
 */
public final class OnlineStoreException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  OnlineStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  static OnlineStoreException of(RedisEndpoint redis, JedisException failure) {
    String cause = rootMessage(failure);
    if (failure instanceof JedisConnectionException) {
      return new OnlineStoreException(
          "cannot reach Redis at " + redis.address() + " (lakehouse.online.redis): " + cause,
          failure);
    }
    if (failure instanceof JedisAccessControlException) {
      return new OnlineStoreException(
          "Redis at "
              + redis.address()
              + " refused the connection (its password is "
              + "read from the environment variable that lakehouse.online.redis.password-env names): "
              + cause,
          failure);
    }
    return new OnlineStoreException("Redis at " + redis.address() + " failed: " + cause, failure);
  }

  /**
   * The innermost cause's message. Jedis reports a failed connection as "Failed to connect to any
   * host resolved for DNS name." with each address's own failure (Connection refused) suppressed;
   * that one says more.
   */
  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root.getSuppressed().length > 0) {
      return rootMessage(root.getSuppressed()[0]);
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replace('\n', ' ');
  }
}
