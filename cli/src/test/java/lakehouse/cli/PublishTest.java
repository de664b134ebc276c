package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lakehouse.online.client.OnlineFeatureClient;
import lakehouse.online.client.OnlineFeatures;
import lakehouse.online.client.RedisEndpoint;
import lakehouse.online.client.testing.RedisServer;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code publish --date D} against a real Redis: user_features as of D in the online store, read
 * back with the project's client, on a lake where two days ran.
 */
class PublishTest {
  private static final LocalDate EARLIER = LocalDate.parse("2026-11-10");
  private static final LocalDate LATER = EARLIER.plusDays(1);
  private static final long EIGHT_DAYS_MS = Duration.ofDays(8).toMillis();

  @TempDir static Path lake;
  @TempDir static Path redisFolder;
  @TempDir Path emptyLake;
  private static RedisServer redis;

  @BeforeAll
  static void twoDaysRanAndRedisIsUp() throws Exception {
    redis = RedisServer.start(redisFolder);
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            EARLIER.toString(),
            "--days",
            "2",
            "--events-per-day",
            "300",
            "--seed",
            "23",
            "--files-per-day",
            "2");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
    for (LocalDate day : List.of(EARLIER, LATER)) {
      InProcessLakehouse.Outcome run =
          InProcessLakehouse.run("run", "--date", day.toString(), "--lake", lake.toString());
      assertThat(run.exitStatus()).as(run.stderr()).isZero();
    }
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
      "every user as of the date is in Redis with exactly the table's values and an expiry within eight days")
  void everyUserIsInRedisWithTheTablesValues() throws IOException {
    Map<String, Row> table = userFeatures(LATER);
    assertThat(table)
        .as("a day of generated events has users: " + table.size())
        .hasSizeGreaterThan(20);

    InProcessLakehouse.Outcome published = publish(LATER, "publish-later");

    assertThat(published.exitStatus()).as(published.stderr()).isZero();
    assertThat(published.stdout())
        .contains("online  " + LATER + ": " + table.size() + " rows read");
    assertThat(redis.dump().keySet())
        .as("one key per user, and no other key")
        .containsExactlyInAnyOrderElementsOf(keysOf(table.keySet()));
    try (OnlineFeatureClient client = client();
        Jedis jedis = redis.connect()) {
      for (Row row : table.values()) {
        String user = row.getAs(UserFeatures.USER_ID);
        OnlineFeatures features =
            client.features(user).orElseThrow(() -> new AssertionError("no features for " + user));
        assertSameValues(row, features);
        long ttl = jedis.pttl("u:feat:" + user);
        assertThat(ttl)
            .as("time to live of " + user + ": " + ttl + " ms")
            .isPositive()
            .isLessThanOrEqualTo(EIGHT_DAYS_MS);
      }
      assertThat(client.features("no-such-user")).isEmpty();
    }
    JsonNode online = report("publish-later").at("/layers/online");
    assertThat(online.get("rows_read").asLong()).as(online.toString()).isEqualTo(table.size());
    assertThat(online.get("keys_written").asLong()).as(online.toString()).isEqualTo(table.size());
    assertThat(online.get("keys_kept_newer").asLong()).as(online.toString()).isZero();
    assertThat(online.get("redis").asText()).isEqualTo("127.0.0.1:" + redis.port());
    assertThat(online.get("ttl_seconds").asLong()).isEqualTo(Duration.ofDays(8).toSeconds());
    assertThat(online.get("table").asText()).isEqualTo("gold/user_features/v1");
  }

  @Test
  void publishingTheSameDateAgainLeavesTheSameKeysAndValues() throws IOException {
    assertThat(publish(LATER, "publish-first").exitStatus()).isZero();
    Map<String, Map<String, String>> first = redis.dump();

    InProcessLakehouse.Outcome again = publish(LATER, "publish-again");

    assertThat(again.exitStatus()).as(again.stderr()).isZero();
    assertThat(redis.dump()).containsExactlyInAnyOrderEntriesOf(first);
    JsonNode online = report("publish-again").at("/layers/online");
    assertThat(online.get("keys_written").asLong())
        .as("the same date is written again: " + online)
        .isEqualTo(first.size());
    assertThat(online.get("keys_written").asLong() + online.get("keys_kept_newer").asLong())
        .isEqualTo(online.get("rows_read").asLong());
  }

  @Test
  @DisplayName(
      "an earlier date published after a later one keeps the later features and writes the users Redis lacks")
  void anEarlierDateKeepsTheLaterFeatures() throws IOException {
    Map<String, Row> earlier = userFeatures(EARLIER);
    assertThat(publish(LATER, "publish-later-first").exitStatus()).isZero();
    // Some users of both dates whose later hash has expired, as for users who stopped appearing.
    Set<String> expired = earlier.keySet().stream().sorted().limit(3).collect(Collectors.toSet());
    try (Jedis jedis = redis.connect()) {
      expired.forEach(user -> jedis.del("u:feat:" + user));
    }
    Map<String, Map<String, String>> later = redis.dump();
    Set<String> lacking = new HashSet<>(earlier.keySet());
    lacking.removeIf(user -> later.containsKey("u:feat:" + user));
    assertThat(lacking).as("the expired users are lacking").containsAll(expired);

    InProcessLakehouse.Outcome backfill = publish(EARLIER, "publish-earlier");

    assertThat(backfill.exitStatus()).as(backfill.stderr()).isZero();
    Map<String, Map<String, String>> after = redis.dump();
    for (Map.Entry<String, Map<String, String>> kept : later.entrySet()) {
      assertThat(after)
          .as("a later hash is left as it was: " + kept.getKey())
          .containsEntry(kept.getKey(), kept.getValue());
      assertThat(kept.getValue()).containsEntry("as_of_date", LATER.toString());
    }
    try (OnlineFeatureClient client = client()) {
      for (String user : lacking) {
        OnlineFeatures features = client.features(user).orElseThrow();
        assertThat(features.asOfDate()).isEqualTo(EARLIER);
        assertSameValues(earlier.get(user), features);
      }
    }
    JsonNode online = report("publish-earlier").at("/layers/online");
    assertThat(online.get("rows_read").asLong()).as(online.toString()).isEqualTo(earlier.size());
    assertThat(online.get("keys_written").asLong()).as(online.toString()).isEqualTo(lacking.size());
    assertThat(online.get("keys_kept_newer").asLong())
        .as(online.toString())
        .isEqualTo(earlier.size() - lacking.size());
    assertThat(online.get("keys_written").asLong() + online.get("keys_kept_newer").asLong())
        .isEqualTo(online.get("rows_read").asLong());
  }

  @Test
  @DisplayName(
      "a date never built fails in one line, naming the table and date and saying to run it first")
  void aDateNeverBuiltFailsInOneLine() throws IOException {
    LocalDate never = EARLIER.minusDays(20);

    InProcessLakehouse.Outcome failed = publish(never, "publish-never-built");

    assertThat(failed.exitStatus()).as(failed.stdout()).isEqualTo(1);
    assertOneLine(
        failed.stderr(),
        "gold/user_features/v1",
        "as_of_date=" + never,
        "run `run --date " + never + "` first");
    assertThat(report("publish-never-built").get("status").asText()).isEqualTo("failed");
    assertThat(redis.dump()).isEmpty();

    InProcessLakehouse.Outcome noTable =
        InProcessLakehouse.run(
            withRedis("publish", "--date", LATER.toString(), "--lake", emptyLake.toString()));
    assertThat(noTable.exitStatus()).as(noTable.stdout()).isEqualTo(1);
    assertOneLine(
        noTable.stderr(),
        "gold/user_features/v1",
        "as_of_date=" + LATER,
        "run `run --date " + LATER + "` first");
  }

  @Test
  void aBuiltDateWithNoUsersPublishesNothingAndSucceeds() throws IOException {
    LocalDate quiet = EARLIER.minusDays(30);
    InProcessLakehouse.Outcome built =
        InProcessLakehouse.run(
            "backfill",
            "--from",
            quiet.toString(),
            "--to",
            quiet.toString(),
            "--layers",
            "gold",
            "--lake",
            lake.toString());
    assertThat(built.exitStatus()).as(built.stderr()).isZero();
    assertThat(userFeatures(quiet)).as("no event in the window of " + quiet).isEmpty();

    InProcessLakehouse.Outcome published = publish(quiet, "publish-quiet");

    assertThat(published.exitStatus()).as(published.stderr()).isZero();
    assertThat(redis.dump()).isEmpty();
    JsonNode online = report("publish-quiet").at("/layers/online");
    assertThat(online.get("rows_read").asLong()).as(online.toString()).isZero();
    assertThat(online.get("keys_written").asLong()).as(online.toString()).isZero();
  }

  @Test
  @DisplayName("a Redis that cannot be reached fails in one line naming host and port")
  void anUnreachableRedisFailsInOneLine() throws IOException {
    int nothingListens = S3ProxyServer.freePort();

    InProcessLakehouse.Outcome failed =
        InProcessLakehouse.run(
            "publish",
            "--date",
            LATER.toString(),
            "--lake",
            lake.toString(),
            "--run-id",
            "publish-unreachable",
            "--set",
            "online.redis.port=" + nothingListens);

    assertThat(failed.exitStatus()).as(failed.stdout()).isEqualTo(1);
    assertOneLine(failed.stderr(), "cannot reach Redis at 127.0.0.1:" + nothingListens);
    JsonNode report = report("publish-unreachable");
    assertThat(report.get("status").asText()).isEqualTo("failed");
    assertThat(report.get("error").asText())
        .as(report.toString())
        .contains("127.0.0.1:" + nothingListens);
  }

  @Test
  @DisplayName(
      "a password comes from the environment, and neither the console nor the report shows it")
  void thePasswordComesFromTheEnvironmentUnshown() throws IOException {
    String password = "pw-" + Long.toHexString(System.nanoTime());
    try (Jedis jedis = redis.connect()) {
      jedis.configSet("requirepass", password);
    }
    try {
      InProcessLakehouse.Outcome refused = publish(LATER, "publish-no-password");
      assertThat(refused.exitStatus()).as(refused.stdout()).isEqualTo(1);
      assertOneLine(refused.stderr(), "Redis at 127.0.0.1:" + redis.port(), "NOAUTH");

      InProcessLakehouse.Outcome published =
          InProcessLakehouse.run(
              Map.of("LAKEHOUSE_REDIS_PASSWORD", password),
              withRedis(
                  "publish",
                  "--date",
                  LATER.toString(),
                  "--lake",
                  lake.toString(),
                  "--run-id",
                  "publish-password"));
      assertThat(published.exitStatus()).as(published.stderr()).isZero();
      String report = Files.readString(lake.resolve("_runs/publish-password.json"));
      assertThat(report)
          .as("the report names where the password comes from")
          .contains("LAKEHOUSE_REDIS_PASSWORD");
      for (String shown : List.of(published.stdout(), published.stderr(), report)) {
        assertThat(shown).as("the password is shown: " + shown).doesNotContain(password);
      }
    } finally {
      try (Jedis jedis = redis.connect()) {
        jedis.auth(password);
        jedis.configSet("requirepass", "");
      }
    }
  }

  @Test
  @DisplayName(
      "a run with --publish serves its date, and one whose Redis is down fails in one line keeping its tables")
  void aRunWithPublishServesItsDate() throws IOException {
    Map<String, Row> table = userFeatures(LATER);
    int nothingListens = S3ProxyServer.freePort();

    InProcessLakehouse.Outcome down =
        InProcessLakehouse.run(
            "run",
            "--date",
            LATER.toString(),
            "--publish",
            "--lake",
            lake.toString(),
            "--run-id",
            "run-publish-down",
            "--set",
            "online.redis.port=" + nothingListens);

    assertThat(down.exitStatus()).as(down.stdout()).isEqualTo(1);
    List<String> errors = down.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
    assertThat(errors).as(down.stderr()).hasSize(1);
    assertThat(errors.get(0))
        .contains("publish: cannot reach Redis at 127.0.0.1:" + nothingListens);
    JsonNode failed = report("run-publish-down");
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/layers/gold").isMissingNode())
        .as("gold finished before the publish: " + failed)
        .isFalse();
    assertThat(userFeatures(LATER).keySet())
        .as("the tables stay as promoted")
        .containsExactlyInAnyOrderElementsOf(table.keySet());

    InProcessLakehouse.Outcome served =
        InProcessLakehouse.run(
            withRedis(
                "run",
                "--date",
                LATER.toString(),
                "--publish",
                "--lake",
                lake.toString(),
                "--run-id",
                "run-publish"));

    assertThat(served.exitStatus()).as(served.stderr()).isZero();
    assertThat(redis.dump().keySet())
        .as("one hash per user of the night")
        .containsExactlyInAnyOrderElementsOf(keysOf(table.keySet()));
    JsonNode report = report("run-publish");
    assertThat(report.at("/layers/online/keys_written").asLong())
        .as(report.toString())
        .isEqualTo(table.size());
    assertThat(report.get("arguments").get(2).asText())
        .as(report.toString())
        .isEqualTo("--publish");
  }

  @Test
  @DisplayName(
      "Redis killed mid-publish: exit 1 in one line naming it, every key whole with its TTL, a retry converges")
  void redisKilledMidPublishLeavesWholeKeysAndARetryConverges(@TempDir Path outageFolder)
      throws Exception {
    Map<String, Row> table = userFeatures(LATER);
    assertThat(publish(LATER, "publish-undisturbed").exitStatus()).isZero();
    Map<String, Map<String, String>> undisturbed = redis.dump();
    RedisServer store = RedisServer.startPersistent(outageFolder);
    try {
      // Paced so that the publish takes about five seconds: long enough to be killed midway.
      String[] options = {
        "publish",
        "--date",
        LATER.toString(),
        "--lake",
        lake.toString(),
        "--run-id",
        "publish-redis-killed",
        "--set",
        "online.redis.host=" + RedisServer.HOST,
        "--set",
        "online.redis.port=" + store.port(),
        "--set",
        "online.redis.max-writes-per-second=" + Math.max(4, table.size() / 5)
      };
      java.util.concurrent.CompletableFuture<InProcessLakehouse.Outcome> publishing =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> InProcessLakehouse.run(options));
      awaitKeys(store, 1, publishing);
      store.kill();
      long killed = System.nanoTime();
      InProcessLakehouse.Outcome failed = publishing.get(2, java.util.concurrent.TimeUnit.MINUTES);
      Duration toFail = Duration.ofNanos(System.nanoTime() - killed);

      assertThat(failed.exitStatus()).as(failed.stdout() + failed.stderr()).isEqualTo(1);
      assertOneLine(failed.stderr(), "cannot reach Redis at 127.0.0.1:" + store.port());
      assertThat(failed.stderr()).as("no stack trace").doesNotContain("\tat ");
      assertThat(toFail).as("bounded by the command timeout").isLessThan(Duration.ofSeconds(30));
      assertThat(report("publish-redis-killed").get("status").asText()).isEqualTo("failed");

      store = store.restarted();
      Map<String, Map<String, String>> survived = store.dump();
      assertThat(survived.size())
          .as("killed midway: some users written, not all")
          .isBetween(1, table.size() - 1);
      try (Jedis jedis = store.connect()) {
        for (Map.Entry<String, Map<String, String>> hash : survived.entrySet()) {
          assertThat(hash.getValue())
              .as("written whole: " + hash.getKey())
              .isEqualTo(undisturbed.get(hash.getKey()));
          assertThat(jedis.pttl(hash.getKey())).as("its TTL: " + hash.getKey()).isPositive();
        }
      }

      options[6] = "publish-redis-retry";
      InProcessLakehouse.Outcome retried = InProcessLakehouse.run(options);
      assertThat(retried.exitStatus()).as(retried.stderr()).isZero();
      assertThat(store.dump()).isEqualTo(undisturbed);
    } finally {
      store.close();
    }
  }

  /** Waits until the server holds at least that many keys, while the publish still runs. */
  private static void awaitKeys(
      RedisServer store,
      long keys,
      java.util.concurrent.CompletableFuture<InProcessLakehouse.Outcome> publishing)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(publishing).as("finished before it could be killed").isNotDone();
      try (Jedis jedis = store.connect()) {
        if (jedis.dbSize() >= keys) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the publish wrote no key within two minutes");
  }

  private static InProcessLakehouse.Outcome publish(LocalDate date, String runId) {
    return InProcessLakehouse.run(
        withRedis(
            "publish", "--date", date.toString(), "--lake", lake.toString(), "--run-id", runId));
  }

  private static String[] withRedis(String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of(OnlineStoreOptions.pointingAt(redis)));
    return all.toArray(String[]::new);
  }

  private static OnlineFeatureClient client() {
    return new OnlineFeatureClient(
        new RedisEndpoint(
            RedisServer.HOST, redis.port(), null, Duration.ofSeconds(2), Duration.ofSeconds(10)));
  }

  /** The table's rows as of the date, by user. */
  private static Map<String, Row> userFeatures(LocalDate date) {
    Map<String, Row> rows = new TreeMap<>();
    TestSpark.session()
        .read()
        .format("delta")
        .load(lake.resolve("gold/user_features/v1").toString())
        .where(functions.col(UserFeatures.AS_OF_DATE).equalTo(Date.valueOf(date)))
        .collectAsList()
        .forEach(row -> rows.put(row.getAs(UserFeatures.USER_ID), row));
    return rows;
  }

  private static Set<String> keysOf(Set<String> users) {
    return users.stream().map(user -> "u:feat:" + user).collect(Collectors.toSet());
  }

  /**
   * The client's features, parsed back, equal the row's values, column by column: every column but
   * the user id (the key) and the run id; a null value is absent.
   */
  private static void assertSameValues(Row row, OnlineFeatures features) {
    String user = row.getAs(UserFeatures.USER_ID);
    Set<String> expectedFields = new HashSet<>();
    for (StructField column : row.schema().fields()) {
      String name = column.name();
      Object value = row.getAs(name);
      if (name.equals(UserFeatures.USER_ID) || name.equals(UserFeatures.RUN_ID)) {
        continue;
      }
      if (value == null) {
        assertThat(features.value(name))
            .as(name + " of " + user + " is null in the table")
            .isEmpty();
        continue;
      }
      expectedFields.add(name);
      String text =
          features
              .value(name)
              .orElseThrow(() -> new AssertionError(name + " of " + user + " is missing"));
      Object parsed;
      if (value instanceof Long) {
        parsed = Long.parseLong(text);
      } else if (value instanceof Integer) {
        parsed = Integer.parseInt(text);
      } else if (value instanceof Double) {
        parsed = Double.parseDouble(text);
      } else if (value instanceof Timestamp) {
        parsed = Timestamp.from(Instant.parse(text));
      } else if (value instanceof Date) {
        parsed = Date.valueOf(LocalDate.parse(text));
      } else {
        parsed = text;
      }
      assertThat(parsed).as(name + " of " + user).isEqualTo(value);
    }
    assertThat(features.fields().keySet())
        .as("the fields of " + user)
        .containsExactlyInAnyOrderElementsOf(expectedFields);
    assertThat(features.featureVersion())
        .isEqualTo(row.<String>getAs(UserFeatures.FEATURE_VERSION));
  }

  private static void assertOneLine(String stderr, String... mentions) {
    List<String> lines = stderr.lines().toList();
    assertThat(lines).as("one line on standard error: " + stderr).hasSize(1);
    for (String mention : mentions) {
      assertThat(lines.get(0)).as("'" + mention + "' in: " + lines.get(0)).contains(mention);
    }
  }

  private static JsonNode report(String runId) throws IOException {
    return RunReportWriter.parse(Files.readString(lake.resolve("_runs/" + runId + ".json")));
  }
}
