package lakehouse.golden;

import java.util.Map;
import java.util.TreeSet;

/**
 * What one step did: its exit status (0 for a delivery), what it printed, the tables whose version
 * it changed, and how long it took.
 */
public record StepOutcome(
    ScenarioStep step, int exit, String output, Map<String, String> tableChanges, long durationMs) {

  /**
   * Empty when the step did what the scenario says, otherwise why not, with what the command
   * printed.
   */
  public String mismatch() {
    StringBuilder problems = new StringBuilder();
    if (exit != step.exit()) {
      problems
          .append("exit status ")
          .append(exit)
          .append(", expected ")
          .append(step.exit())
          .append("; ");
    }
    if (step.tablesChanged() != null
        && !new TreeSet<>(step.tablesChanged()).equals(tableChanges.keySet())) {
      problems
          .append("expected to change ")
          .append(
              step.tablesChanged().isEmpty()
                  ? "no table"
                  : "exactly the tables " + new TreeSet<>(step.tablesChanged()))
          .append(", but changed ")
          .append(tableChanges.isEmpty() ? "none" : tableChanges)
          .append("; ");
    }
    if (problems.length() == 0) {
      return "";
    }
    return "step `" + step.describe() + "`: " + problems + "its output:\n" + output.indent(4);
  }
}
