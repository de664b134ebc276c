package lakehouse.chaos;

import java.time.Duration;
import java.util.List;

/**
 * What one scenario did and found: the line it prints and its row of the reliability table.
 *
 * @param trials attacks made
 * @param failuresInjected kills, outages and damages that hit a running command or the lake
 * @param violations broken guarantees, seen by the reader during the attack or after recovery
 * @param rowsLost rows of the clean run missing from the lake after recovery
 * @param userSaw what the attacked commands showed their user: exit statuses and the line printed
 */
public record ScenarioResult(
    String scenario,
    int trials,
    int failuresInjected,
    List<Violation> violations,
    long rowsLost,
    Duration took,
    String userSaw) {

  public boolean passed() {
    return violations.isEmpty() && rowsLost == 0;
  }

  public String line() {
    return String.format(
        "%-22s %4d trials %4d failures injected %3d invariant violations %6d rows lost %6d s  %s",
        scenario, trials, failuresInjected, violations.size(), rowsLost, took.toSeconds(), userSaw);
  }

  /** The row of docs/RELIABILITY.md's table. */
  public String markdownRow() {
    return "| "
        + String.join(
            " | ",
            scenario,
            String.valueOf(trials),
            String.valueOf(failuresInjected),
            String.valueOf(violations.size()),
            String.valueOf(rowsLost),
            took.toSeconds() + " s",
            userSaw.replace("|", "\\|"))
        + " |";
  }
}
