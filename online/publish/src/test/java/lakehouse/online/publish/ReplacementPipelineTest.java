package lakehouse.online.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The pipelined writes of one connection against a real Redis, with a window far smaller than the
 * users written, so that answers are read while later scripts are still queued.
 */
class ReplacementPipelineTest {
  private static final long TTL_MS = Duration.ofDays(8).toMillis();
  private static final String DATE = "2026-11-20";
  private static final int USERS = 1_003;

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
      "in a small window, every third user holding a later date keeps it, every other user is replaced whole, and the counts are exact")
  void newerFeaturesSurviveAndCountsAreExactAcrossWindows() {
    try (Jedis jedis = redis.connect()) {
      for (int user = 0; user < USERS; user++) {
        if (user % 3 == 0) {
          FeatureHash later = hash(user, "2026-11-21", 99);
          jedis.hset(later.key(), later.fields());
        } else if (user % 3 == 1) {
          // An earlier publish with a field that the new hash no longer has.
          FeatureHash earlier = hash(user, "2026-11-19", 1);
          jedis.hset(earlier.key(), earlier.fields());
          jedis.hset(earlier.key(), "ctr_7d", "0.5");
        }
      }
    }

    ReplacementPipeline pipeline = write(10, 3);

    int keptNewer = (USERS + 2) / 3;
    assertThat(pipeline.keysKeptNewer()).isEqualTo(keptNewer);
    assertThat(pipeline.keysWritten()).isEqualTo(USERS - keptNewer);
    Map<String, Map<String, String>> stored = redis.dump();
    assertThat(stored).hasSize(USERS);
    try (Jedis jedis = redis.connect()) {
      for (int user = 0; user < USERS; user++) {
        FeatureHash published = hash(user, DATE, 7);
        Map<String, String> fields = stored.get(published.key());
        if (user % 3 == 0) {
          assertThat(fields).isEqualTo(hash(user, "2026-11-21", 99).fields());
          assertThat(jedis.pttl(published.key())).as("untouched, so no ttl").isEqualTo(-1L);
        } else {
          assertThat(fields).isEqualTo(published.fields());
          assertThat(jedis.pttl(published.key())).isBetween(TTL_MS - 60_000, TTL_MS);
        }
      }
    }
  }

  @Test
  void writingTheSameUsersAgainLeavesTheSameStoreAndCountsThemAgain() {
    write(7, 7);
    Map<String, Map<String, String>> first = redis.dump();

    ReplacementPipeline again = write(7, 2);

    assertThat(redis.dump()).isEqualTo(first);
    assertThat(again.keysWritten()).isEqualTo(USERS);
    assertThat(again.keysKeptNewer()).isZero();
  }

  @Test
  @DisplayName("a script that fails in the middle of the window fails the writer")
  void aFailedScriptFailsTheWriter() {
    try (Jedis jedis = redis.connect()) {
      // Not a hash: the script's HGET fails with WRONGTYPE.
      jedis.set(FeatureHash.keyOf(user(500)), "not a hash");
    }

    assertThatThrownBy(() -> write(10, 3))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("WRONGTYPE");
  }

  @Test
  void aWindowOfOneWritesEveryUser() {
    ReplacementPipeline pipeline = write(1, 1);

    assertThat(pipeline.keysWritten()).isEqualTo(USERS);
    assertThat(redis.dump()).hasSize(USERS);
  }

  private static ReplacementPipeline write(int window, int answersPerRead) {
    try (Jedis jedis = redis.connect()) {
      ReplacementPipeline pipeline = new ReplacementPipeline(jedis, TTL_MS, window, answersPerRead);
      for (int user = 0; user < USERS; user++) {
        pipeline.replace(hash(user, DATE, 7));
      }
      pipeline.finish();
      return pipeline;
    }
  }

  private static FeatureHash hash(int user, String asOfDate, long clicks) {
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("as_of_date", asOfDate);
    features.put("impressions_7d", (long) user);
    features.put("clicks_7d", clicks);
    features.put("feature_version", "v1");
    return FeatureHash.of(user(user), features);
  }

  private static String user(int user) {
    return "u-" + user;
  }
}
