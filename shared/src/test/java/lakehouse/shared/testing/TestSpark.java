package lakehouse.shared.testing;

import java.util.Map;
import lakehouse.shared.spark.LakehouseSession;
import lakehouse.shared.spark.SmallData;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: local, two cores, two shuffle partitions, Delta enabled,
 * built the way commands build theirs. Shared by every test class of a module (surefire reuses one
 * fork).
 *
 * <p>Expressions are evaluated by Spark's interpreter ({@link SmallData}): a test's few rows cost
 * less to interpret than to compile (the silver module's tests took 106 s instead of 152 s). The
 * golden datasets set {@code lakehouse.test.codegen=compiled} and run with Spark's code generation,
 * as a night of real size does; both give the same rows.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder =
          LakehouseSession.builder(
              "lakehouse-tests", interpreted() ? SmallData.SETTINGS : Map.of());
      session =
          builder
              .master("local[2]")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.adaptive.enabled", "false")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              // File listings (VACUUM, partition discovery) otherwise plan up to 10,000 tasks on a
              // tiny lake.
              .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  private static boolean interpreted() {
    return !"compiled".equals(System.getProperty("lakehouse.test.codegen"));
  }
}
