package lakehouse.chaos.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lakehouse.chaos.Attacks;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;

/**
 * A real Redis killed with SIGKILL in the middle of {@code publish}, then started again from its
 * append-only file (fsync on every write, so what it acknowledged survives). The publish must exit
 * 1 with one line naming Redis; every key that survived must be whole (every feature field and a
 * time to live); publishing again must converge, which {@code publish --verify-only} checks field
 * by field against gold for every user.
 */
public final class RedisOutageScenario implements Scenario {
  public static final String WHOLE_KEYS = "no key half-written";
  public static final String FAILS_CLEARLY = "publish fails in one line naming Redis";
  private static final String KEYS = "u:feat:*";

  @Override
  public String name() {
    return "redis-outage";
  }

  @Override
  public ScenarioResult run(ChaosContext context) throws IOException, InterruptedException {
    long started = System.nanoTime();
    int trials = context.trials(1, 5);
    ChaosLake lake = context.fixture().clean().copyTo(context.lakeFolder(name()));
    List<Violation> violations = new ArrayList<>();
    List<String> saw = new ArrayList<>();
    int injected = 0;
    for (int trial = 0; trial < trials; trial++) {
      Path data = context.work().resolve("redis-" + trial);
      ChaosLake.delete(data);
      Files.createDirectories(data);
      int port = Attacks.freePort();
      Process redis = startRedis(data, port);
      try {
        String[] publish = {
          "publish",
          "--date",
          context.fixture().secondDate().toString(),
          "--lake",
          lake.root().toString(),
          "--set",
          "online.redis.host=127.0.0.1",
          "--set",
          "online.redis.port=" + port,
          // Paced so the publish lasts seconds: long enough to be killed in the middle.
          "--set",
          "online.redis.max-writes-per-second=50",
          "--set",
          "online.verify.sample-size=1000000"
        };
        Lakehouse.Command publishing = context.lakehouse().start(publish);
        while (publishing.isAlive() && keyCount(port) == 0) {
          Attacks.sleep(50);
        }
        Attacks.sleep((long) (context.random().nextDouble() * 2_000));
        boolean killedMidway = publishing.isAlive();
        redis.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        injected++;
        Lakehouse.Outcome failed = publishing.await();
        if (killedMidway
            && (failed.exitStatus() != 1
                || !failed.errorLine().contains("Redis at 127.0.0.1:" + port))) {
          violations.add(
              new Violation(
                  FAILS_CLEARLY, "exit " + failed.exitStatus() + ": " + failed.errorLine()));
        }
        redis = startRedis(data, port);
        int survived = keyCount(port);
        List<String> broken = halfWritten(port);
        if (!broken.isEmpty()) {
          violations.add(
              new Violation(
                  WHOLE_KEYS, broken.size() + " keys half-written, first " + broken.get(0)));
        }
        Lakehouse.Outcome again = context.lakehouse().run(publish);
        List<String> verifyOnly = new ArrayList<>(List.of(publish));
        verifyOnly.add("--verify-only");
        Lakehouse.Outcome verified = context.lakehouse().run(verifyOnly.toArray(String[]::new));
        if (!again.succeeded() || !verified.succeeded()) {
          violations.add(
              new Violation(
                  "publishing again converges",
                  "publish exit "
                      + again.exitStatus()
                      + ", verify exit "
                      + verified.exitStatus()
                      + ": "
                      + verified.errorLine()
                      + again.errorLine()));
        }
        saw.add(
            (killedMidway
                    ? "killed mid-publish: exit "
                        + failed.exitStatus()
                        + " \""
                        + failed.errorLine()
                        + "\""
                    : "publish ended before the kill")
                + ", "
                + survived
                + " whole keys survived; again exit "
                + again.exitStatus()
                + ", verify exit "
                + verified.exitStatus());
      } finally {
        redis.destroyForcibly();
      }
    }
    return new ScenarioResult(
        name(),
        trials,
        injected,
        violations,
        0,
        Duration.ofNanos(System.nanoTime() - started),
        String.join("; ", saw));
  }

  private static Process startRedis(Path data, int port) throws IOException {
    Process redis =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                data.toString(),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "")
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (cli(port, "PING").contains("PONG")) {
        return redis;
      }
      Attacks.sleep(100);
    }
    throw new IllegalStateException("redis-server did not start on port " + port);
  }

  private static int keyCount(int port) {
    String count = cli(port, "DBSIZE").trim();
    return count.matches("\\d+") ? Integer.parseInt(count) : 0;
  }

  /** Keys missing a feature field or their time to live. */
  private static List<String> halfWritten(int port) {
    List<String> broken = new ArrayList<>();
    for (String key : cli(port, "--scan", "--pattern", KEYS).lines().toList()) {
      String ttl = cli(port, "PTTL", key).trim();
      String fields = cli(port, "HLEN", key).trim();
      if (ttl.startsWith("-") || fields.equals("0")) {
        broken.add(key + " (ttl " + ttl + ", " + fields + " fields)");
      } else if (!cli(port, "HEXISTS", key, "feature_version").trim().equals("1")
          || !cli(port, "HEXISTS", key, "as_of_date").trim().equals("1")) {
        broken.add(key + " (no feature_version or as_of_date)");
      }
    }
    return broken;
  }

  private static String cli(int port, String... command) {
    List<String> line =
        new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("redis-cli", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
