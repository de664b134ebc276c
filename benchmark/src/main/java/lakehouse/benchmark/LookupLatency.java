package lakehouse.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.OnlineFeatureClient;
import lakehouse.online.client.OnlineFeatures;
import lakehouse.online.client.RedisEndpoint;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The lookup latency a serving thread sees: {@link OnlineFeatureClient#features} timed one call at
 * a time (one lookup in flight, as {@code redis-benchmark -c 1 -P 1} measures the server), after a
 * warm-up (LOOKUPS more unless --warm-up says otherwise) that lets the JIT compile the path. It
 * runs in a JVM of its own with the client's jars only (lakehouse-online-benchmark.jar), as a
 * serving application would, never beside Spark.
 *
 * <p>Arguments: {@code HOST PORT LOOKUPS [--user ID] [--warm-up N] [--while-pid PID] [--label
 * NAME]}. Every lookup reads {@code --user}'s hash (the one key redis-benchmark repeats), or else
 * users sampled from the store by SCAN in turn. With {@code --while-pid} it looks up until that
 * process (a publish) ends, LOOKUPS then counting the warm-up only, and keeps only the lookups made
 * while the publish was writing ({@link PublishWrites}). Prints one line: {@code lookup LABEL:
 * lookups=N p50_ms=… p99_ms=… p999_ms=… max_ms=…}.
 */
public final class LookupLatency {
  private static final int SAMPLED_USERS = 10_000;

  /** Histogram bounds: 1 µs to 10 s, three significant digits. */
  private static final long LOWEST_NANOS = 1_000;

  private static final long HIGHEST_NANOS = 10_000_000_000L;

  private LookupLatency() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println(
          "usage: LookupLatency HOST PORT LOOKUPS [--user ID] [--warm-up N] [--while-pid PID]"
              + " [--label NAME]");
      System.exit(2);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int lookups = Integer.parseInt(args[2]);
    String user = null;
    int warmUp = lookups;
    long whilePid = -1;
    String label = "idle";
    for (int i = 3; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--user" -> user = args[i + 1];
        case "--warm-up" -> warmUp = Integer.parseInt(args[i + 1]);
        case "--while-pid" -> whilePid = Long.parseLong(args[i + 1]);
        case "--label" -> label = args[i + 1];
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    RedisEndpoint redis =
        new RedisEndpoint(host, port, null, Duration.ofSeconds(2), Duration.ofSeconds(10));
    List<String> users = user == null ? sampledUsers(redis) : List.of(user);
    if (users.isEmpty()) {
      System.err.println("no published user in Redis at " + redis.address());
      System.exit(1);
    }
    try (OnlineFeatureClient client = new OnlineFeatureClient(redis)) {
      // Warm-up: the same calls, not recorded, so the JIT has compiled what is measured.
      measure(client, users, counting(warmUp), () -> true);
      Histogram latencies;
      if (whilePid > 0) {
        Optional<ProcessHandle> publish = ProcessHandle.of(whilePid);
        try (PublishWrites writes = new PublishWrites(redis)) {
          latencies =
              measure(
                  client,
                  users,
                  () -> publish.map(ProcessHandle::isAlive).orElse(false),
                  writes::going);
        }
      } else {
        latencies = measure(client, users, counting(lookups), () -> true);
      }
      System.out.println(summary(label, latencies));
    }
  }

  /**
   * Looks up in turn while {@code more} says so; what each lookup took, in nanoseconds, of those
   * made while {@code kept} said so.
   */
  private static Histogram measure(
      OnlineFeatureClient client, List<String> users, BooleanSupplier more, BooleanSupplier kept) {
    Histogram latencies = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, 3);
    long lookups = 0;
    long found = 0;
    for (int i = 0; more.getAsBoolean(); i++) {
      String user = users.get(i % users.size());
      boolean keep = kept.getAsBoolean();
      long started = System.nanoTime();
      Optional<OnlineFeatures> features = client.features(user);
      long took = System.nanoTime() - started;
      if (keep) {
        latencies.recordValue(Math.max(LOWEST_NANOS, Math.min(HIGHEST_NANOS, took)));
      }
      lookups++;
      found += features.isPresent() ? 1 : 0;
    }
    if (found < lookups) {
      // A missing user is a cheaper lookup than a present one: the figures would flatter the
      // client.
      System.err.printf(
          "warning: %d of %d lookups found no features (expired or flushed)%n",
          lookups - found, lookups);
    }
    return latencies;
  }

  private static BooleanSupplier counting(int lookups) {
    int[] done = {0};
    return () -> done[0]++ < lookups;
  }

  /** Up to {@link #SAMPLED_USERS} published users, as SCAN returns them. */
  private static List<String> sampledUsers(RedisEndpoint redis) {
    List<String> users = new ArrayList<>();
    ScanParams published = new ScanParams().match(FeatureHash.KEY_PREFIX + "*").count(1_000);
    try (Jedis jedis = redis.connect()) {
      String cursor = ScanParams.SCAN_POINTER_START;
      boolean complete = false;
      while (!complete && users.size() < SAMPLED_USERS) {
        ScanResult<String> page = jedis.scan(cursor, published);
        for (String key : page.getResult()) {
          users.add(key.substring(FeatureHash.KEY_PREFIX.length()));
        }
        cursor = page.getCursor();
        complete = page.isCompleteIteration();
      }
    }
    return users.size() > SAMPLED_USERS ? users.subList(0, SAMPLED_USERS) : users;
  }

  private static String summary(String label, Histogram latencies) {
    return String.format(
        Locale.ROOT,
        "lookup %s: lookups=%d p50_ms=%.4f p99_ms=%.4f p999_ms=%.4f max_ms=%.4f",
        label,
        latencies.getTotalCount(),
        millis(latencies.getValueAtPercentile(50)),
        millis(latencies.getValueAtPercentile(99)),
        millis(latencies.getValueAtPercentile(99.9)),
        millis(latencies.getMaxValue()));
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
