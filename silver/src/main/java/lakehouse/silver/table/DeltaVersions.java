package lakehouse.silver.table;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * Delta versions of tables, read on the driver from the log. Uses Delta's DeltaLog, an internal
 * Scala API: the public DeltaTable.history() answers the same but runs a Spark job per call.
 */
public final class DeltaVersions {
  /**
   * Delta's SQL setting holding the version of the session's last commit, set by every commit of
   * the session.
   */
  private static final String LAST_COMMIT_VERSION =
      "spark.databricks.delta.lastCommitVersionInSession";

  private DeltaVersions() {}

  /** The table's latest version, -1 when it does not exist. */
  public static long latest(SparkSession spark, String path) {
    return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
  }

  /**
   * The version the session's last commit created: called right after a write on the thread that
   * made it, the write's own version, whatever other writers did since.
   */
  public static long lastCommitted(SparkSession spark, String path) {
    Option<String> version = spark.conf().getOption(LAST_COMMIT_VERSION);
    return version.isDefined() ? Long.parseLong(version.get()) : latest(spark, path);
  }
}
