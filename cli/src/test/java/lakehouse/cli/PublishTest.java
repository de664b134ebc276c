package lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code publish --date D} against a real Redis: user_features as of D in the online store, read back with
 * the project's client, on a lake where two days ran.
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
    InProcessLakehouse.Outcome generated = InProcessLakehouse.run("generate", "--out", lake.toString(), "--from",
        EARLIER.toString(), "--days", "2", "--events-per-day", "300", "--seed", "23", "--files-per-day", "2");
    assertEquals(0, generated.exitStatus(), generated.stderr());
    for (LocalDate day : List.of(EARLIER, LATER)) {
      InProcessLakehouse.Outcome run = InProcessLakehouse.run("run", "--date", day.toString(), "--lake", lake.toString());
      assertEquals(0, run.exitStatus(), run.stderr());
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
  void everyUserAsOfTheDateIsInRedisWithExactlyTheTablesValuesAndAnExpiryWithinEightDays() throws IOException {
    Map<String, Row> table = userFeatures(LATER);
    assertTrue(table.size() > 20, "a day of generated events has users: " + table.size());

    InProcessLakehouse.Outcome published = publish(LATER, "publish-later");

    assertEquals(0, published.exitStatus(), published.stderr());
    assertTrue(published.stdout().contains("online  " + LATER + ": " + table.size() + " rows read"), published.stdout());
    assertEquals(keysOf(table.keySet()), redis.dump().keySet(), "one key per user, and no other key");
    try (OnlineFeatureClient client = client(); Jedis jedis = redis.connect()) {
      for (Row row : table.values()) {
        String user = row.getAs(UserFeatures.USER_ID);
        OnlineFeatures features = client.features(user).orElseThrow(() -> new AssertionError("no features for " + user));
        assertSameValues(row, features);
        long ttl = jedis.pttl("u:feat:" + user);
        assertTrue(ttl > 0 && ttl <= EIGHT_DAYS_MS, "time to live of " + user + ": " + ttl + " ms");
      }
      assertTrue(client.features("no-such-user").isEmpty());
    }
    JsonNode online = report("publish-later").at("/layers/online");
    assertEquals(table.size(), online.get("rows_read").asLong(), online.toString());
    assertEquals(table.size(), online.get("keys_written").asLong(), online.toString());
    assertEquals(0, online.get("keys_kept_newer").asLong(), online.toString());
    assertEquals("127.0.0.1:" + redis.port(), online.get("redis").asText());
    assertEquals(Duration.ofDays(8).toSeconds(), online.get("ttl_seconds").asLong());
    assertEquals("gold/user_features/v1", online.get("table").asText());
  }

  @Test
  void publishingTheSameDateAgainLeavesTheSameKeysAndValues() throws IOException {
    assertEquals(0, publish(LATER, "publish-first").exitStatus());
    Map<String, Map<String, String>> first = redis.dump();

    InProcessLakehouse.Outcome again = publish(LATER, "publish-again");

    assertEquals(0, again.exitStatus(), again.stderr());
    assertEquals(first, redis.dump());
    JsonNode online = report("publish-again").at("/layers/online");
    assertEquals(first.size(), online.get("keys_written").asLong(), "the same date is written again: " + online);
    assertEquals(online.get("rows_read").asLong(),
        online.get("keys_written").asLong() + online.get("keys_kept_newer").asLong());
  }

  @Test
  void anEarlierDatePublishedAfterALaterOneKeepsTheLaterFeaturesAndWritesTheUsersRedisLacks() throws IOException {
    Map<String, Row> earlier = userFeatures(EARLIER);
    assertEquals(0, publish(LATER, "publish-later-first").exitStatus());
    // Some users of both dates whose later hash has expired, as for users who stopped appearing.
    Set<String> expired = earlier.keySet().stream().sorted().limit(3).collect(Collectors.toSet());
    try (Jedis jedis = redis.connect()) {
      expired.forEach(user -> jedis.del("u:feat:" + user));
    }
    Map<String, Map<String, String>> later = redis.dump();
    Set<String> lacking = new HashSet<>(earlier.keySet());
    lacking.removeIf(user -> later.containsKey("u:feat:" + user));
    assertTrue(lacking.containsAll(expired), "the expired users are lacking");

    InProcessLakehouse.Outcome backfill = publish(EARLIER, "publish-earlier");

    assertEquals(0, backfill.exitStatus(), backfill.stderr());
    Map<String, Map<String, String>> after = redis.dump();
    for (Map.Entry<String, Map<String, String>> kept : later.entrySet()) {
      assertEquals(kept.getValue(), after.get(kept.getKey()), "a later hash is left as it was: " + kept.getKey());
      assertEquals(LATER.toString(), kept.getValue().get("as_of_date"));
    }
    try (OnlineFeatureClient client = client()) {
      for (String user : lacking) {
        OnlineFeatures features = client.features(user).orElseThrow();
        assertEquals(EARLIER, features.asOfDate());
        assertSameValues(earlier.get(user), features);
      }
    }
    JsonNode online = report("publish-earlier").at("/layers/online");
    assertEquals(earlier.size(), online.get("rows_read").asLong(), online.toString());
    assertEquals(lacking.size(), online.get("keys_written").asLong(), online.toString());
    assertEquals(earlier.size() - lacking.size(), online.get("keys_kept_newer").asLong(), online.toString());
    assertEquals(online.get("rows_read").asLong(),
        online.get("keys_written").asLong() + online.get("keys_kept_newer").asLong());
  }

  @Test
  void aDateNeverBuiltFailsInOneLineNamingTheTableAndDateAndSayingToRunItFirst() throws IOException {
    LocalDate never = EARLIER.minusDays(20);

    InProcessLakehouse.Outcome failed = publish(never, "publish-never-built");

    assertEquals(1, failed.exitStatus(), failed.stdout());
    assertOneLine(failed.stderr(), "gold/user_features/v1", "as_of_date=" + never, "run `run --date " + never + "` first");
    assertEquals("failed", report("publish-never-built").get("status").asText());
    assertTrue(redis.dump().isEmpty());

    InProcessLakehouse.Outcome noTable = InProcessLakehouse.run(withRedis("publish", "--date", LATER.toString(),
        "--lake", emptyLake.toString()));
    assertEquals(1, noTable.exitStatus(), noTable.stdout());
    assertOneLine(noTable.stderr(), "gold/user_features/v1", "as_of_date=" + LATER, "run `run --date " + LATER + "` first");
  }

  @Test
  void aBuiltDateWithNoUsersPublishesNothingAndSucceeds() throws IOException {
    LocalDate quiet = EARLIER.minusDays(30);
    InProcessLakehouse.Outcome built = InProcessLakehouse.run("backfill", "--from", quiet.toString(), "--to",
        quiet.toString(), "--layers", "gold", "--lake", lake.toString());
    assertEquals(0, built.exitStatus(), built.stderr());
    assertTrue(userFeatures(quiet).isEmpty(), "no event in the window of " + quiet);

    InProcessLakehouse.Outcome published = publish(quiet, "publish-quiet");

    assertEquals(0, published.exitStatus(), published.stderr());
    assertTrue(redis.dump().isEmpty());
    JsonNode online = report("publish-quiet").at("/layers/online");
    assertEquals(0, online.get("rows_read").asLong(), online.toString());
    assertEquals(0, online.get("keys_written").asLong(), online.toString());
  }

  @Test
  void aRedisThatCannotBeReachedFailsInOneLineNamingHostAndPort() throws IOException {
    int nothingListens = S3ProxyServer.freePort();

    InProcessLakehouse.Outcome failed = InProcessLakehouse.run("publish", "--date", LATER.toString(), "--lake",
        lake.toString(), "--run-id", "publish-unreachable", "--set", "online.redis.port=" + nothingListens);

    assertEquals(1, failed.exitStatus(), failed.stdout());
    assertOneLine(failed.stderr(), "cannot reach Redis at 127.0.0.1:" + nothingListens);
    JsonNode report = report("publish-unreachable");
    assertEquals("failed", report.get("status").asText());
    assertTrue(report.get("error").asText().contains("127.0.0.1:" + nothingListens), report.toString());
  }

  @Test
  void aPasswordComesFromTheEnvironmentAndNeitherTheConsoleNorTheReportShowsIt() throws IOException {
    String password = "pw-" + Long.toHexString(System.nanoTime());
    try (Jedis jedis = redis.connect()) {
      jedis.configSet("requirepass", password);
    }
    try {
      InProcessLakehouse.Outcome refused = publish(LATER, "publish-no-password");
      assertEquals(1, refused.exitStatus(), refused.stdout());
      assertOneLine(refused.stderr(), "Redis at 127.0.0.1:" + redis.port(), "NOAUTH");

      InProcessLakehouse.Outcome published = InProcessLakehouse.run(Map.of("LAKEHOUSE_REDIS_PASSWORD", password),
          withRedis("publish", "--date", LATER.toString(), "--lake", lake.toString(), "--run-id", "publish-password"));
      assertEquals(0, published.exitStatus(), published.stderr());
      String report = Files.readString(lake.resolve("_runs/publish-password.json"));
      assertTrue(report.contains("LAKEHOUSE_REDIS_PASSWORD"), "the report names where the password comes from");
      for (String shown : List.of(published.stdout(), published.stderr(), report)) {
        assertFalse(shown.contains(password), "the password is shown: " + shown);
      }
    } finally {
      try (Jedis jedis = redis.connect()) {
        jedis.auth(password);
        jedis.configSet("requirepass", "");
      }
    }
  }

  @Test
  void aRunWithPublishServesItsDateAndOneWhoseRedisIsDownFailsInOneLineKeepingItsTables() throws IOException {
    Map<String, Row> table = userFeatures(LATER);
    int nothingListens = S3ProxyServer.freePort();

    InProcessLakehouse.Outcome down = InProcessLakehouse.run("run", "--date", LATER.toString(), "--publish",
        "--lake", lake.toString(), "--run-id", "run-publish-down", "--set", "online.redis.port=" + nothingListens);

    assertEquals(1, down.exitStatus(), down.stdout());
    List<String> errors = down.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), down.stderr());
    assertTrue(errors.get(0).contains("publish: cannot reach Redis at 127.0.0.1:" + nothingListens), errors.get(0));
    JsonNode failed = report("run-publish-down");
    assertEquals("failed", failed.get("status").asText());
    assertFalse(failed.at("/layers/gold").isMissingNode(), "gold finished before the publish: " + failed);
    assertEquals(table.keySet(), userFeatures(LATER).keySet(), "the tables stay as promoted");

    InProcessLakehouse.Outcome served = InProcessLakehouse.run(withRedis("run", "--date", LATER.toString(),
        "--publish", "--lake", lake.toString(), "--run-id", "run-publish"));

    assertEquals(0, served.exitStatus(), served.stderr());
    assertEquals(keysOf(table.keySet()), redis.dump().keySet(), "one hash per user of the night");
    JsonNode report = report("run-publish");
    assertEquals(table.size(), report.at("/layers/online/keys_written").asLong(), report.toString());
    assertEquals("--publish", report.get("arguments").get(2).asText(), report.toString());
  }

  private static InProcessLakehouse.Outcome publish(LocalDate date, String runId) {
    return InProcessLakehouse.run(withRedis("publish", "--date", date.toString(), "--lake", lake.toString(),
        "--run-id", runId));
  }

  private static String[] withRedis(String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of(OnlineStoreOptions.pointingAt(redis)));
    return all.toArray(String[]::new);
  }

  private static OnlineFeatureClient client() {
    return new OnlineFeatureClient(new RedisEndpoint(RedisServer.HOST, redis.port(), null, Duration.ofSeconds(2),
        Duration.ofSeconds(10)));
  }

  /** The table's rows as of the date, by user. */
  private static Map<String, Row> userFeatures(LocalDate date) {
    Map<String, Row> rows = new TreeMap<>();
    TestSpark.session().read().format("delta").load(lake.resolve("gold/user_features/v1").toString())
        .where(functions.col(UserFeatures.AS_OF_DATE).equalTo(Date.valueOf(date))).collectAsList()
        .forEach(row -> rows.put(row.getAs(UserFeatures.USER_ID), row));
    return rows;
  }

  private static Set<String> keysOf(Set<String> users) {
    return users.stream().map(user -> "u:feat:" + user).collect(Collectors.toSet());
  }

  /**
   * The client's features, parsed back, equal the row's values, column by column: every column but the
   * user id (the key) and the run id; a null value is absent.
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
        assertTrue(features.value(name).isEmpty(), name + " of " + user + " is null in the table");
        continue;
      }
      expectedFields.add(name);
      String text = features.value(name).orElseThrow(() -> new AssertionError(name + " of " + user + " is missing"));
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
      assertEquals(value, parsed, name + " of " + user);
    }
    assertEquals(expectedFields, features.fields().keySet(), "the fields of " + user);
    assertEquals(row.<String>getAs(UserFeatures.FEATURE_VERSION), features.featureVersion());
  }

  private static void assertOneLine(String stderr, String... mentions) {
    List<String> lines = stderr.lines().toList();
    assertEquals(1, lines.size(), "one line on standard error: " + stderr);
    for (String mention : mentions) {
      assertTrue(lines.get(0).contains(mention), "'" + mention + "' in: " + lines.get(0));
    }
  }

  private static JsonNode report(String runId) throws IOException {
    return RunReportWriter.parse(Files.readString(lake.resolve("_runs/" + runId + ".json")));
  }
}
