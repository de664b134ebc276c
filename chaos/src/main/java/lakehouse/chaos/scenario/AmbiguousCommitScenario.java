package lakehouse.chaos.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.chaos.Attacks;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.LakeReader;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.RecoveryCheck;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;
import lakehouse.shared.lake.CatalogTable;

/**
 * The commit that succeeds but whose caller dies before recording it: the night is killed the
 * moment a promotion's commit file appears in a gold table's log, before the run can note it
 * anywhere. Its retry, with the same run id, must neither promote that table again (no new version)
 * nor lose the promotion; and a second retry adds no gold version at all.
 */
public final class AmbiguousCommitScenario implements Scenario {
  public static final String NO_SECOND_PROMOTION = "retry adds no version to a promoted table";
  private static final long WATCH_MS = 5;

  @Override
  public String name() {
    return "ambiguous-commit";
  }

  @Override
  public ScenarioResult run(ChaosContext context) {
    long started = System.nanoTime();
    int trials = context.trials(1, 10);
    List<Violation> violations = new ArrayList<>();
    long rowsLost = 0;
    int injected = 0;
    List<String> retries = new ArrayList<>();
    for (int trial = 0; trial < trials; trial++) {
      ChaosLake lake = context.fixture().startingLake(context.lakeFolder(name()));
      String runId = context.newRunId(name());
      List<CatalogTable> gold = lake.goldTables();
      try (LakeReader reader = new LakeReader(context.invariants(), lake)) {
        Map<String, Integer> before = goldCommits(gold);
        Lakehouse.Command night =
            context.lakehouse().start(context.fixture().secondNight(lake, runId));
        String promoted = null;
        while (night.isAlive() && promoted == null) {
          promoted = newlyCommitted(gold, before);
          if (promoted == null) {
            Attacks.sleep(WATCH_MS);
          }
        }
        if (promoted == null) {
          violations.add(
              new Violation(
                  NO_SECOND_PROMOTION, "the night ended before any gold commit was seen"));
          night.await();
          continue;
        }
        night.kill();
        injected++;
        Map<String, Integer> atKill = goldCommits(gold);
        Lakehouse.Outcome retry =
            context.lakehouse().run(context.fixture().secondNight(lake, runId));
        Map<String, Integer> afterRetry = goldCommits(gold);
        if (!afterRetry.get(promoted).equals(atKill.get(promoted))) {
          violations.add(
              new Violation(
                  NO_SECOND_PROMOTION,
                  promoted
                      + " had "
                      + atKill.get(promoted)
                      + " commits when its promotion landed, "
                      + afterRetry.get(promoted)
                      + " after the retry"));
        }
        Lakehouse.Outcome again =
            context.lakehouse().run(context.fixture().secondNight(lake, runId));
        if (!goldCommits(gold).equals(afterRetry)) {
          violations.add(
              new Violation(
                  NO_SECOND_PROMOTION,
                  "a second retry of a completed run changed gold: "
                      + afterRetry
                      + " -> "
                      + goldCommits(gold)));
        }
        retries.add(retry.exitStatus() + "/" + again.exitStatus());
        RecoveryCheck.Found found = RecoveryCheck.after(context, reader, lake);
        violations.addAll(Attacks.withRecovery(found, retry));
        violations.addAll(Attacks.withRecovery(new RecoveryCheck.Found(List.of(), 0), again));
        rowsLost += found.rowsLost();
      }
    }
    return new ScenarioResult(
        name(),
        trials,
        injected,
        violations,
        rowsLost,
        Duration.ofNanos(System.nanoTime() - started),
        "killed (exit 137) as a promotion commit landed; retry/second retry exit " + retries);
  }

  private static Map<String, Integer> goldCommits(List<CatalogTable> gold) {
    Map<String, Integer> commits = new LinkedHashMap<>();
    for (CatalogTable table : gold) {
      commits.put(table.location(), ChaosLake.commits(Path.of(table.path())));
    }
    return commits;
  }

  private static String newlyCommitted(List<CatalogTable> gold, Map<String, Integer> before) {
    for (Map.Entry<String, Integer> now : goldCommits(gold).entrySet()) {
      if (now.getValue() > before.get(now.getKey())) {
        return now.getKey();
      }
    }
    return null;
  }
}
