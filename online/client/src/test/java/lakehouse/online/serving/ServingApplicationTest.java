package lakehouse.online.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.OnlineFeatureClient;
import lakehouse.online.client.OnlineFeatures;
import lakehouse.online.client.RedisEndpoint;
import lakehouse.online.client.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A serving application as one is written outside the lakehouse: this artifact alone on its class
 * path, no Spark, reading from a real Redis the users' features that a publish wrote, in the format
 * the publisher writes ({@link FeatureHash}).
 */
class ServingApplicationTest {
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
  @DisplayName("a user's published features are read by user id and parse back to their values")
  void publishedFeaturesParseBackToTheirValues() {
    double ctr = 2.0 / 3.0;
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("as_of_date", LocalDate.parse("2026-11-20"));
    features.put("impressions_7d", 40L);
    features.put("clicks_7d", 2L);
    features.put("spend_micros_7d", 12_345_678_901L);
    features.put("ctr_7d", ctr);
    features.put("active_days_7d", 5);
    features.put("last_event_time", Instant.parse("2026-11-20T23:59:59.999Z"));
    features.put("feature_version", "v1");
    published("u-42", features);

    try (OnlineFeatureClient client = client()) {
      OnlineFeatures read = client.features("u-42").orElseThrow();

      assertThat(read.asOfDate()).isEqualTo(LocalDate.parse("2026-11-20"));
      assertThat(read.featureVersion()).isEqualTo("v1");
      assertThat(Long.parseLong(read.value("impressions_7d").orElseThrow())).isEqualTo(40L);
      assertThat(Long.parseLong(read.value("spend_micros_7d").orElseThrow()))
          .isEqualTo(12_345_678_901L);
      assertThat(Double.parseDouble(read.value("ctr_7d").orElseThrow())).isEqualTo(ctr);
      assertThat(Integer.parseInt(read.value("active_days_7d").orElseThrow())).isEqualTo(5);
      assertThat(Instant.parse(read.value("last_event_time").orElseThrow()))
          .isEqualTo(Instant.parse("2026-11-20T23:59:59.999Z"));
      assertThat(read.fields()).hasSize(8);
    }
  }

  @Test
  @DisplayName("a feature that was null is absent, and a user never published has no features")
  void nullFeaturesAndUnknownUsersAreAbsent() {
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("as_of_date", LocalDate.parse("2026-11-20"));
    features.put("impressions_7d", 0L);
    features.put("ctr_7d", null);
    features.put("feature_version", "v1");
    published("u-quiet", features);

    try (OnlineFeatureClient client = client()) {
      OnlineFeatures quiet = client.features("u-quiet").orElseThrow();
      assertThat(quiet.value("ctr_7d")).isEmpty();
      assertThat(quiet.value("impressions_7d")).contains("0");
      assertThat(client.features("u-never")).isEmpty();
    }
  }

  @Test
  @DisplayName("nothing of Spark, Delta, Hadoop or the rest of the lakehouse is on the class path")
  void noSparkOrLakehouseClassIsOnTheClassPath() {
    for (String lakehouseOnly :
        new String[] {
          "org.apache.spark.sql.Row",
          "io.delta.tables.DeltaTable",
          "org.apache.hadoop.conf.Configuration",
          "lakehouse.shared.tables.UserFeatures"
        }) {
      assertThatThrownBy(() -> Class.forName(lakehouseOnly), lakehouseOnly)
          .isInstanceOf(ClassNotFoundException.class);
    }
    assertThat(FeatureHash.keyOf("u-42")).startsWith(FeatureHash.KEY_PREFIX);
  }

  /** What a publish leaves for one user: the hash, written whole. */
  private static void published(String userId, Map<String, Object> features) {
    FeatureHash hash = FeatureHash.of(userId, features);
    try (Jedis jedis = redis.connect()) {
      jedis.hset(hash.key(), hash.fields());
    }
  }

  private static OnlineFeatureClient client() {
    return new OnlineFeatureClient(
        new RedisEndpoint(
            RedisServer.HOST, redis.port(), null, Duration.ofSeconds(2), Duration.ofSeconds(10)));
  }
}
