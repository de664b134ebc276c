package lakehouse.gold.snapshot;

import java.util.List;

/**
 * One gold promotion commit as the snapshot rule sees it.
 *
 * @param table the table committed to, as {@code <name>/<version>}
 * @param runTables every table the run promotes, in promotion order; empty for commits that do not
 *     say (read as: this table only)
 */
public record RunCommit(String table, long version, String runId, List<String> runTables) {
  public RunCommit {
    runTables = List.copyOf(runTables);
  }

  /** The tables the run promotes, this one alone when the commit does not say. */
  List<String> intended() {
    return runTables.isEmpty() ? List.of(table) : runTables;
  }
}
