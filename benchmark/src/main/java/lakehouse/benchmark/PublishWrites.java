package lakehouse.benchmark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lakehouse.online.client.RedisEndpoint;
import redis.clients.jedis.Jedis;

/**
 * Whether a publish is writing to Redis right now: a daemon thread reads Redis's count of EVALSHA
 * calls (what publish writes each user with) every {@link #POLL_MILLIS} ms on a connection of its
 * own, and the count rising since the last reading means writes are going on. So lookups beside a
 * publish process can be told apart by whether they met its writes or only its start-up.
 */
final class PublishWrites implements AutoCloseable {
  private static final long POLL_MILLIS = 100;
  private static final Pattern EVALSHA_CALLS = Pattern.compile("cmdstat_evalsha:calls=(\\d+)");

  private final Thread poller;
  private volatile boolean going;
  private volatile boolean closed;

  PublishWrites(RedisEndpoint redis) {
    poller = new Thread(() -> poll(redis), "publish-writes");
    poller.setDaemon(true);
    poller.start();
  }

  /** Whether the last reading saw writes since the one before. */
  boolean going() {
    return going;
  }

  private void poll(RedisEndpoint redis) {
    try (Jedis jedis = redis.connect()) {
      long last = calls(jedis);
      while (!closed) {
        Thread.sleep(POLL_MILLIS);
        long now = calls(jedis);
        going = now > last;
        last = now;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long calls(Jedis jedis) {
    Matcher calls = EVALSHA_CALLS.matcher(jedis.info("commandstats"));
    return calls.find() ? Long.parseLong(calls.group(1)) : 0;
  }

  @Override
  public void close() {
    closed = true;
    poller.interrupt();
  }
}
