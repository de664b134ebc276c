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
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;

/**
 * A nightly run and a backfill of the same date started together, the second a random few seconds
 * after the first and either one first: on a local lake nothing serialises them, so their commits
 * interleave. Both may succeed or one may fail cleanly; either way the lake ends as one clean night
 * would leave it (after a retry of the one that failed), and no reader sees a mix.
 */
public final class ConcurrentRunsScenario implements Scenario {
  private static final long MAX_OFFSET_MS = 8_000;
  private static final int ERROR_SHOWN = 160;

  @Override
  public String name() {
    return "nightly-and-backfill";
  }

  @Override
  public ScenarioResult run(ChaosContext context) {
    long started = System.nanoTime();
    int trials = context.trials(1, 20);
    List<Violation> violations = new ArrayList<>();
    long rowsLost = 0;
    Map<String, Integer> exits = new TreeMap<>();
    int retries = 0;
    for (int trial = 0; trial < trials; trial++) {
      ChaosLake lake = context.fixture().startingLake(context.lakeFolder(name()));
      String date = context.fixture().secondDate().toString();
      String[] backfill = {
        "backfill", "--lake", lake.root().toString(), "--from", date, "--to", date
      };
      String[] night = context.fixture().secondNight(lake, null);
      boolean nightFirst = context.random().nextBoolean();
      long offset = (long) (context.random().nextDouble() * MAX_OFFSET_MS);
      try (LakeReader reader = new LakeReader(context.invariants(), lake)) {
        Lakehouse.Command first = context.lakehouse().start(nightFirst ? night : backfill);
        Attacks.sleep(offset);
        Lakehouse.Command second = context.lakehouse().start(nightFirst ? backfill : night);
        Lakehouse.Outcome firstDone = first.await();
        Lakehouse.Outcome secondDone = second.await();
        exits.merge(firstDone.verb() + " " + firstDone.exitStatus(), 1, Integer::sum);
        exits.merge(secondDone.verb() + " " + secondDone.exitStatus(), 1, Integer::sum);
        Lakehouse.Outcome recovery = secondDone;
        for (Lakehouse.Outcome done : List.of(firstDone, secondDone)) {
          if (!done.succeeded()) {
            retries++;
            String line = done.errorLine();
            exits.merge(
                "failed: "
                    + (line.length() > ERROR_SHOWN ? line.substring(0, ERROR_SHOWN) + "..." : line),
                1,
                Integer::sum);
            recovery = context.lakehouse().run(night);
          }
        }
        RecoveryCheck.Found found = RecoveryCheck.after(context, reader, lake);
        violations.addAll(Attacks.withRecovery(found, recovery));
        rowsLost += found.rowsLost();
      }
    }
    return new ScenarioResult(
        name(),
        trials,
        trials,
        violations,
        rowsLost,
        Duration.ofNanos(System.nanoTime() - started),
        "exit statuses " + exits + (retries > 0 ? "; " + retries + " retried" : ""));
  }
}
