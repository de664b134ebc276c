package lakehouse.shared.metrics;

import java.util.Set;
import org.apache.spark.sql.execution.SparkPlanInfo;

/**
 * Tells, from the plan of a top-level SQL execution, whether it is a command that commits to a
 * Delta table: a DataFrame write in Delta format, a Delta command (MERGE, DELETE, OPTIMIZE,
 * VACUUM...) or a table created through Delta's catalog. Spark's events do not say "commit", so
 * this reads the plan; the count feeds an estimate, and a command that commits twice counts once.
 */
final class DeltaCommands {
  /** Top nodes of a plan that runs a command rather than a query. */
  private static final Set<String> COMMAND_NODES =
      Set.of(
          "CommandResult",
          "CreateTable",
          "ReplaceTable",
          "CreateTableAsSelect",
          "ReplaceTableAsSelect",
          "AtomicCreateTableAsSelect",
          "AtomicReplaceTableAsSelect",
          "AppendData",
          "OverwriteByExpression",
          "OverwritePartitionsDynamic");

  private DeltaCommands() {}

  static boolean commits(SparkPlanInfo plan, String planDescription) {
    String top = plan.nodeName();
    boolean command = top.startsWith("Execute ") || COMMAND_NODES.contains(top);
    return command
        && (top.contains("Delta")
            || planDescription.contains("org.apache.spark.sql.delta.")
            || planDescription.contains("io.delta."));
  }
}
