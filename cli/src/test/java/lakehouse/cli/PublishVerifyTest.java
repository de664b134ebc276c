package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.testing.RedisServer;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code publish --verify} and {@code publish --verify-only} against a real Redis: the store read
 * back with the project's client and compared with gold, field by field.
 */
class PublishVerifyTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-10");

  @TempDir static Path lake;
  @TempDir static Path redisFolder;
  private static RedisServer redis;
  private static List<String> users;

  @BeforeAll
  static void oneDayRanAndRedisIsUp() throws Exception {
    redis = RedisServer.start(redisFolder);
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            DAY.toString(),
            "--days",
            "1",
            "--events-per-day",
            "300",
            "--seed",
            "29");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
    InProcessLakehouse.Outcome run =
        InProcessLakehouse.run("run", "--date", DAY.toString(), "--lake", lake.toString());
    assertThat(run.exitStatus()).as(run.stderr()).isZero();
    users =
        new ArrayList<>(
            new TreeSet<>(
                TestSpark.session()
                    .read()
                    .format("delta")
                    .load(lake.resolve("gold/user_features/v1").toString())
                    .where(functions.col(UserFeatures.AS_OF_DATE).equalTo(Date.valueOf(DAY)))
                    .select(UserFeatures.USER_ID)
                    .as(org.apache.spark.sql.Encoders.STRING())
                    .collectAsList()));
    assertThat(users).as("a day of generated events has users").hasSizeGreaterThan(20);
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
  @DisplayName("a clean publish verifies every user and exits 0")
  void aCleanPublishVerifies() throws IOException {
    InProcessLakehouse.Outcome verified = publish("publish-verified", "--verify");

    assertThat(verified.exitStatus()).as(verified.stderr()).isZero();
    assertThat(verified.stdout())
        .contains("verify  " + DAY + ": " + users.size() + " of " + users.size() + " users");
    JsonNode verify = report("publish-verified").at("/layers/verify");
    assertThat(verify.get("users_in_date").asLong()).as(verify.toString()).isEqualTo(users.size());
    assertThat(verify.get("users_sampled").asLong()).isEqualTo(users.size());
    assertThat(verify.get("users_matching").asLong()).isEqualTo(users.size());
    assertThat(verify.get("users_differing").asLong()).isZero();
    assertThat(verify.get("keys_missing").asLong()).isZero();
    assertThat(verify.get("passed").asBoolean()).isTrue();
    assertThat(report("publish-verified").at("/layers/online/keys_written").asLong())
        .isEqualTo(users.size());
  }

  @Test
  @DisplayName(
      "a hash altered by hand and a key deleted: the user and field are named, the report counts them, exit 1")
  void anAlteredHashIsNamedAndFails() throws IOException {
    assertThat(publish("publish-before-altering").exitStatus()).isZero();
    String altered = users.get(3);
    String deleted = users.get(7);
    String expectedClicks;
    try (Jedis jedis = redis.connect()) {
      expectedClicks = jedis.hget(FeatureHash.keyOf(altered), "clicks_7d");
      jedis.hset(FeatureHash.keyOf(altered), "clicks_7d", "9999");
      jedis.del(FeatureHash.keyOf(deleted));
    }

    InProcessLakehouse.Outcome failed = publish("publish-verify-only", "--verify-only");

    assertThat(failed.exitStatus()).as(failed.stdout() + failed.stderr()).isEqualTo(1);
    assertThat(failed.stderr())
        .contains(
            "user " + altered + ": field clicks_7d expected '" + expectedClicks + "', found '9999'")
        .contains("user " + deleted + ": no hash in the store")
        .contains("1 of " + users.size() + " users read back differ")
        .contains("1 keys missing");
    JsonNode report = report("publish-verify-only");
    assertThat(report.get("status").asText()).isEqualTo("failed");
    assertThat(report.at("/layers/online").isMissingNode())
        .as("--verify-only publishes nothing")
        .isTrue();
    JsonNode verify = report.at("/layers/verify");
    assertThat(verify.get("users_sampled").asLong()).as(verify.toString()).isEqualTo(users.size());
    assertThat(verify.get("users_matching").asLong()).isEqualTo(users.size() - 2);
    assertThat(verify.get("users_differing").asLong()).isEqualTo(1);
    assertThat(verify.get("values_differing").asLong()).isEqualTo(1);
    assertThat(verify.get("keys_missing").asLong()).isEqualTo(1);
    assertThat(verify.get("passed").asBoolean()).isFalse();
    assertThat(verify.get("differences").toString())
        .contains(altered)
        .contains("different_value")
        .contains("clicks_7d")
        .contains(deleted)
        .contains("missing_key");
  }

  @Test
  @DisplayName("a field that gold does not have is an extra field, and fails")
  void anExtraFieldFails() throws IOException {
    assertThat(publish("publish-before-extra").exitStatus()).isZero();
    try (Jedis jedis = redis.connect()) {
      jedis.hset(FeatureHash.keyOf(users.get(0)), "stale_feature", "1");
    }

    InProcessLakehouse.Outcome failed = publish("publish-extra", "--verify-only");

    assertThat(failed.exitStatus()).as(failed.stdout()).isEqualTo(1);
    assertThat(failed.stderr()).contains("user " + users.get(0) + ": extra field stale_feature");
    assertThat(report("publish-extra").at("/layers/verify/fields_extra").asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "more users than the sample size: the same seeded sample of about that many each time")
  void aLargeDateIsSampledTheSameWayEachTime() throws IOException {
    assertThat(publish("publish-before-sampling").exitStatus()).isZero();

    assertThat(
            publish("publish-sample-1", "--verify-only", "--set", "online.verify.sample-size=10")
                .exitStatus())
        .isZero();
    assertThat(
            publish("publish-sample-2", "--verify-only", "--set", "online.verify.sample-size=10")
                .exitStatus())
        .isZero();

    JsonNode first = report("publish-sample-1").at("/layers/verify");
    JsonNode second = report("publish-sample-2").at("/layers/verify");
    assertThat(first.get("users_in_date").asLong()).isEqualTo(users.size());
    assertThat(first.get("sample_size").asLong()).isEqualTo(10);
    assertThat(first.get("users_sampled").asLong())
        .as(first.toString())
        .isPositive()
        .isLessThan(users.size() / 2);
    assertThat(second.get("users_sampled")).isEqualTo(first.get("users_sampled"));
  }

  @Test
  @DisplayName("a night run with --publish --verify publishes, verifies and reports both")
  void aNightWithPublishAndVerify() throws IOException {
    InProcessLakehouse.Outcome night =
        InProcessLakehouse.run(
            withRedis(
                "run",
                "--date",
                DAY.toString(),
                "--publish",
                "--verify",
                "--lake",
                lake.toString(),
                "--run-id",
                "run-publish-verify"));

    assertThat(night.exitStatus()).as(night.stderr()).isZero();
    JsonNode report = report("run-publish-verify");
    assertThat(report.at("/layers/online/keys_written").asLong()).isEqualTo(users.size());
    assertThat(report.at("/layers/verify/users_matching").asLong()).isEqualTo(users.size());
    assertThat(InProcessLakehouse.run("run", "--date", DAY.toString(), "--verify").exitStatus())
        .as("--verify without --publish")
        .isEqualTo(2);
  }

  @Test
  void verifyAndVerifyOnlyTogetherAreAUsageError() {
    InProcessLakehouse.Outcome refused = publish("publish-both", "--verify", "--verify-only");

    assertThat(refused.exitStatus()).isEqualTo(2);
    assertThat(refused.stderr()).contains("--verify").contains("--verify-only");
  }

  private static InProcessLakehouse.Outcome publish(String runId, String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "publish", "--date", DAY.toString(), "--lake", lake.toString(), "--run-id", runId));
    all.addAll(List.of(more));
    return InProcessLakehouse.run(withRedis(all.toArray(String[]::new)));
  }

  private static String[] withRedis(String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of(OnlineStoreOptions.pointingAt(redis)));
    return all.toArray(String[]::new);
  }

  private static JsonNode report(String runId) throws IOException {
    return RunReportWriter.parse(
        java.nio.file.Files.readString(lake.resolve("_runs/" + runId + ".json")));
  }
}
