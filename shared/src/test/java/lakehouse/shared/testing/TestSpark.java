package lakehouse.shared.testing;

import java.util.Map;
import lakehouse.shared.spark.LakehouseSession;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: local, two cores, two shuffle partitions, Delta enabled,
 * built the way commands build theirs. Shared by every test class of a module (surefire reuses one
 * fork).
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          LakehouseSession.builder("lakehouse-tests", Map.of())
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
}
