package lakehouse.online.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.RedisEndpoint;
import lakehouse.online.client.testing.RedisServer;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** A publish of user_features rows from Spark's executors into a real Redis. */
class FeaturePublisherTest {
  private static final Duration TTL = Duration.ofDays(8);
  private static final String DATE = "2026-11-20";

  @TempDir static Path redisFolder;
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start(redisFolder);
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void emptyStore() {
    redis.flushAll();
  }

  @Test
  @DisplayName(
      "partitions written by several tasks: every user written once, later dates kept, counts exact")
  void everyUserOnceLaterDatesKeptCountsExact() {
    int users = 2_500;
    try (Jedis jedis = redis.connect()) {
      for (int user = 0; user < users; user += 4) {
        jedis.hset(FeatureHash.keyOf(userId(user)), Map.of("as_of_date", "2026-11-21"));
      }
    }

    PublishCounts counts = publisher(0).publish(rows(users, 3));

    assertThat(counts).isEqualTo(new PublishCounts(users, users - users / 4, users / 4));
    Map<String, Map<String, String>> stored = redis.dump();
    assertThat(stored).hasSize(users);
    for (int user = 0; user < users; user++) {
      Map<String, String> fields = stored.get(FeatureHash.keyOf(userId(user)));
      if (user % 4 == 0) {
        assertThat(fields).isEqualTo(Map.of("as_of_date", "2026-11-21"));
      } else {
        assertThat(fields)
            .containsEntry("as_of_date", DATE)
            .containsEntry("impressions_7d", String.valueOf(user))
            .doesNotContainKey("run_id");
      }
    }

    PublishCounts again = publisher(0).publish(rows(users, 2));

    assertThat(again).isEqualTo(counts);
    assertThat(redis.dump()).isEqualTo(stored);
  }

  @Test
  @DisplayName("a limit of keys per second holds over all tasks together")
  void aLimitPacesTheWrites() {
    int users = 400;
    long keysPerSecond = 500;

    long started = System.nanoTime();
    PublishCounts counts = publisher(keysPerSecond).publish(rows(users, 2));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(counts.keysWritten()).isEqualTo(users);
    // Two tasks at once, 250 keys/s each, 200 keys each: at least 0.8 s, less the first key's
    // interval and what a task may write early after falling behind.
    assertThat(took).isGreaterThan(Duration.ofMillis(600));
  }

  private static FeaturePublisher publisher(long keysPerSecond) {
    return new FeaturePublisher(
        new RedisEndpoint(
            RedisServer.HOST, redis.port(), null, Duration.ofSeconds(2), Duration.ofSeconds(10)),
        TTL,
        keysPerSecond);
  }

  private static Dataset<Row> rows(int users, int partitions) {
    List<Row> rows = new ArrayList<>(users);
    for (int user = 0; user < users; user++) {
      rows.add(
          RowFactory.create(
              Date.valueOf(DATE),
              userId(user),
              1L,
              0L,
              0L,
              (long) user,
              0L,
              0L,
              10L,
              user == 0 ? null : 0.0,
              1,
              Timestamp.from(Instant.parse(DATE + "T12:00:00Z")),
              "v1",
              "run-1"));
    }
    return TestSpark.session().createDataFrame(rows, UserFeatures.SCHEMA).repartition(partitions);
  }

  private static String userId(int user) {
    return String.format("u%05d", user);
  }
}
