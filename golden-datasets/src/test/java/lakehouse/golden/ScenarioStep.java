package lakehouse.golden;

import java.util.List;

/**
 * One step of a scenario: either hand-made landing files are delivered ({@code land}: a JSON-lines
 * file of the scenario describing their records), or one lakehouse command runs ({@code lakehouse}:
 * its arguments, without {@code --lake}/{@code --out}, which the runner adds for the scenario's
 * lake).
 *
 * @param land path of a hand-made landing description, relative to the scenario folder; or null
 * @param lakehouse the command's arguments; or empty
 * @param exit the exit status the command must return
 * @param tablesChanged when given, exactly the Delta tables (lake-relative paths) whose version the
 *     command may change; every other table must stay at its version. Empty: a command that changes
 *     nothing. Null: not checked.
 */
public record ScenarioStep(
    String land, List<String> lakehouse, int exit, List<String> tablesChanged) {

  public ScenarioStep {
    lakehouse = lakehouse == null ? List.of() : List.copyOf(lakehouse);
    tablesChanged = tablesChanged == null ? null : List.copyOf(tablesChanged);
    if ((land == null) == lakehouse.isEmpty()) {
      throw new IllegalArgumentException("a step has exactly one of \"land\" or \"lakehouse\"");
    }
  }

  public boolean isLanding() {
    return land != null;
  }

  public String command() {
    return isLanding() ? "land" : lakehouse.get(0);
  }

  /**
   * How the step reads in a failure message and in the README: the command line a user would type.
   */
  public String describe() {
    return isLanding() ? "land " + land : "lakehouse " + String.join(" ", lakehouse);
  }
}
