package lakehouse.chaos.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lakehouse.chaos.Attacks;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.LakeReader;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.RecoveryCheck;
import lakehouse.chaos.RunPhase;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;

/**
 * The night killed with SIGKILL at random moments, over and over, each attempt the retry of the
 * last (with the same run id or a new one, at random), then left to finish.
 *
 * <p>A moment is drawn as a commit and a delay: after the night's k-th Delta commit (k uniform over
 * the commits an undisturbed night makes, 0 meaning during start-up and bronze) and a random delay
 * after it. Kills thus land evenly in bronze, silver, staging, promotion and lineage, however long
 * each takes; a uniform draw over wall time would land mostly in start-up.
 */
public final class SigkillScenario implements Scenario {
  private static final long MAX_DELAY_AFTER_COMMIT_MS = 3_000;

  /**
   * How often the attacker counts the night's commits: each count lists every table's log, and a
   * tighter watch only takes processor time from the night, next to delays of up to 3 s.
   */
  private static final long COMMIT_WATCH_MS = 25;

  @Override
  public String name() {
    return "sigkill-night";
  }

  @Override
  public ScenarioResult run(ChaosContext context) {
    long started = System.nanoTime();
    int kills = context.trials(10, 100);
    int maxAttempts = 2 * kills;
    int nightCommits = context.fixture().secondNightCommits();
    Map<String, Integer> killsByPhase = new TreeMap<>();
    List<Violation> violations = new ArrayList<>();
    Map<Integer, Integer> recoveries = new TreeMap<>();
    long rowsLost = 0;
    int attempts = 0;
    int killed = 0;
    int episodes = 0;
    int polls = 0;
    // An episode: a fresh lake at the start of the night, attacked until an attempt finishes on its
    // own (attempts after that would find the night done) or the kills are all made; then the
    // night is run to its end and the lake checked. Each attempt retries the last, killed one.
    while (killed < kills && attempts < maxAttempts) {
      episodes++;
      ChaosLake lake = context.fixture().startingLake(context.lakeFolder(name()));
      String runId = context.newRunId(name());
      try (LakeReader reader = new LakeReader(context.invariants(), lake)) {
        Lakehouse.Outcome finished = null;
        while (finished == null && killed < kills && attempts < maxAttempts) {
          attempts++;
          if (context.random().nextBoolean()) {
            runId = context.newRunId(name());
          }
          RunPhase phase = RunPhase.before(lake);
          // A retry makes fewer commits than a whole night; when it makes fewer than k, it
          // finishes, and that run is its lake's recovery.
          int afterCommit = context.random().nextInt(nightCommits + 1);
          long delay =
              afterCommit == 0
                  ? (long) (context.random().nextDouble() * startUpMillis(context))
                  : (long) (context.random().nextDouble() * MAX_DELAY_AFTER_COMMIT_MS);
          Lakehouse.Command night =
              context.lakehouse().start(context.fixture().secondNight(lake, runId));
          while (night.isAlive() && phase.commitsSince() < afterCommit) {
            Attacks.sleep(COMMIT_WATCH_MS);
          }
          if (Attacks.waitWhileAlive(night, delay)) {
            String killedIn = phase.now(runId);
            night.kill();
            killed++;
            killsByPhase.merge(killedIn, 1, Integer::sum);
          } else {
            finished = night.await();
          }
        }
        // An attempt that finished on its own is the episode's recovery; else one more run is.
        Lakehouse.Outcome recovery =
            finished != null
                ? finished
                : context.lakehouse().run(context.fixture().secondNight(lake, runId));
        recoveries.merge(recovery.exitStatus(), 1, Integer::sum);
        polls += reader.polls();
        RecoveryCheck.Found found = RecoveryCheck.after(context, reader, lake);
        violations.addAll(Attacks.withRecovery(found, recovery));
        rowsLost += found.rowsLost();
      }
    }
    return new ScenarioResult(
        name(),
        attempts,
        killed,
        violations,
        rowsLost,
        Duration.ofNanos(System.nanoTime() - started),
        "killed (exit 137) after "
            + killsByPhase
            + (attempts > killed ? ", " + (attempts - killed) + " attempts finished first" : "")
            + "; "
            + episodes
            + " lakes recovered by a last run, exit "
            + recoveries
            + "; the reader checked "
            + polls
            + " states of the lakes");
  }

  /** Start-up and bronze take about a third of a night of small days. */
  private static long startUpMillis(ChaosContext context) {
    return context.fixture().secondNight().toMillis() / 3;
  }
}
