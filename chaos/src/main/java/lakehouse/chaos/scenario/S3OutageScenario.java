package lakehouse.chaos.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.chaos.Attacks;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosFixture;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.LakeReader;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.RecoveryCheck;
import lakehouse.chaos.S3Server;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;

/**
 * The S3 server of an s3a lake (a real S3Proxy) killed at a random moment of the second night (a
 * few seconds after its start, after bronze or after silver) and started again once the night has
 * failed. The night must fail with exit status 1 and one line saying the object store did not
 * answer; the retry of the same run id must converge to the clean run. The reader polls the lake's
 * objects in the server's folder all along.
 */
public final class S3OutageScenario implements Scenario {
  public static final String FAILS_CLEARLY =
      "run fails in bounded time with one line naming the object store and no stack trace";
  private static final String LAKE_KEY = "lake";

  /**
   * The kill comes a random moment after one of these lines, drawn at random: the night's start,
   * bronze committed, silver committed. Each layer takes longer than the delay, so the night is
   * still running when the store goes.
   */
  private static final List<String> MARKS = List.of("run ", "bronze ", "silver ");

  private static final long MAX_DELAY_AFTER_MARK_MS = 4_000;
  private static final long POLL_MS = 50;

  /** s3a's retries are bounded: a night whose store is gone fails within this. */
  private static final Duration LONGEST_FAILURE = Duration.ofMinutes(3);

  /** What a run prints while it waits for another writer's lease. */
  private static final String WAITING_FOR_LEASE = "waiting up to";

  @Override
  public String name() {
    return "s3-outage";
  }

  @Override
  public ScenarioResult run(ChaosContext context) throws IOException, InterruptedException {
    long started = System.nanoTime();
    int trials = context.trials(1, 4);
    Lakehouse lakehouse = context.lakehouse();
    ChaosFixture fixture = context.fixture();
    List<Violation> violations = new ArrayList<>();
    List<String> saw = new ArrayList<>();
    long rowsLost = 0;
    int injected = 0;
    for (int trial = 0; trial < trials; trial++) {
      Path folder = context.work().resolve("s3-" + trial);
      ChaosLake.delete(folder);
      S3Server s3 = S3Server.start(lakehouse.project(), folder, "chaos");
      try {
        String lake = s3.uri(LAKE_KEY);
        String conf = s3.confFile().toString();
        Map<String, String> credentials = s3.credentials();
        List<String> generate = new ArrayList<>(List.of("generate", "--out", lake, "--conf", conf));
        generate.addAll(fixture.generateOptions());
        lakehouse.start(credentials, generate.toArray(String[]::new)).await().requireSuccess();
        lakehouse
            .start(credentials, night(lake, conf, fixture.firstDate().toString(), null))
            .await()
            .requireSuccess();

        String runId = context.newRunId(name());
        String[] night = night(lake, conf, fixture.secondDate().toString(), runId);
        ChaosLake objects = new ChaosLake(s3.folderOf(LAKE_KEY));
        try (LakeReader reader = new LakeReader(context.invariants(), objects)) {
          Lakehouse.Command attacked = lakehouse.start(credentials, night);
          String mark = MARKS.get(context.random().nextInt(MARKS.size()));
          while (attacked.isAlive()
              && attacked.stdoutSoFar().lines().noneMatch(line -> line.startsWith(mark))) {
            Attacks.sleep(POLL_MS);
          }
          boolean killedMidway =
              Attacks.waitWhileAlive(
                  attacked, (long) (context.random().nextDouble() * MAX_DELAY_AFTER_MARK_MS));
          String phase = phase(attacked.stdoutSoFar());
          s3.kill();
          long killed = System.nanoTime();
          Lakehouse.Outcome failed = attacked.await();
          Duration toFail = Duration.ofNanos(System.nanoTime() - killed);
          s3 = s3.restarted();
          Lakehouse.Outcome retried = lakehouse.start(credentials, night).await();
          if (killedMidway) {
            injected++;
            failedClearly(failed, toFail).ifPresent(violations::add);
            if (retried.stdout().contains(WAITING_FOR_LEASE)) {
              violations.add(
                  new Violation(
                      "the retry does not wait for the lease of the run that died",
                      retried
                          .stdout()
                          .lines()
                          .filter(l -> l.contains(WAITING_FOR_LEASE))
                          .findFirst()
                          .orElse("")));
            }
          }
          saw.add(
              (killedMidway
                      ? "killed "
                          + phase
                          + ": exit "
                          + failed.exitStatus()
                          + " \""
                          + failed.errorLine()
                          + "\""
                      : "night ended before the kill")
                  + "; retry exit "
                  + retried.exitStatus());
          // The landing files were delivered to S3 anew: their fingerprints (modification times)
          // differ from the clean lake's.
          RecoveryCheck.Found found =
              RecoveryCheck.after(
                  context, reader, objects, context.comparison().ignoringDeliveryTimes());
          violations.addAll(Attacks.withRecovery(found, retried));
          rowsLost += found.rowsLost();
        }
      } finally {
        s3.close();
      }
    }
    return new ScenarioResult(
        name(),
        trials,
        injected,
        violations,
        rowsLost,
        Duration.ofNanos(System.nanoTime() - started),
        String.join("; ", saw));
  }

  /**
   * The failed night's user sees one error line naming the object store, no stack trace, within the
   * bounded retries of {@code conf/application.conf}.
   */
  private static Optional<Violation> failedClearly(Lakehouse.Outcome failed, Duration toFail) {
    List<String> errors = failed.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
    if (failed.exitStatus() != 1
        || errors.size() != 1
        || !errors.get(0).contains("object store did not answer")
        || failed.stderr().contains("\tat ")) {
      return Optional.of(
          new Violation(
              FAILS_CLEARLY,
              "exit "
                  + failed.exitStatus()
                  + ", "
                  + errors.size()
                  + " error lines: "
                  + failed.errorLine()));
    }
    if (toFail.compareTo(LONGEST_FAILURE) > 0) {
      return Optional.of(
          new Violation(FAILS_CLEARLY, "failed " + toFail.toSeconds() + " s after the store went"));
    }
    return Optional.empty();
  }

  private static String[] night(String lake, String conf, String date, String runId) {
    List<String> arguments =
        new ArrayList<>(List.of("run", "--lake", lake, "--date", date, "--conf", conf));
    if (runId != null) {
      arguments.addAll(List.of("--run-id", runId));
    }
    return arguments.toArray(String[]::new);
  }

  /** Where the night was, from the layer lines it had printed. */
  private static String phase(String stdout) {
    if (stdout.lines().anyMatch(line -> line.startsWith("silver "))) {
      return "after silver";
    }
    if (stdout.lines().anyMatch(line -> line.startsWith("bronze "))) {
      return "after bronze";
    }
    return "before bronze committed";
  }
}
