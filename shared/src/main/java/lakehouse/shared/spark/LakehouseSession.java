package lakehouse.shared.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a command: Delta enabled, UTC everywhere, Parquet timestamps in a type
 * every Parquet reader understands, and the configuration's Spark settings. Settings already given
 * to spark-submit win over the configuration's, so a cluster operator keeps the last word.
 */
public final class LakehouseSession {
  /**
   * Delta's setting that, when true (its default), leaves a write with no file changes out of the
   * log.
   */
  public static final String SKIP_RECORDING_EMPTY_COMMITS =
      "spark.databricks.delta.skipRecordingEmptyCommits";

  private LakehouseSession() {}

  public static SparkSession.Builder builder(String appName, Map<String, String> sparkSettings) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    SparkConf submitted = new SparkConf();
    for (Map.Entry<String, String> setting : sparkSettings.entrySet()) {
      if (!submitted.contains(setting.getKey())) {
        builder.config(setting.getKey(), setting.getValue());
      }
    }
    return builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        // INT96 timestamps (Spark's default) cannot be read by parquet-avro or most non-Spark
        // readers.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // Every write states its partitions explicitly; dynamic overwrite would hide a missing one.
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        // A write that neither adds nor removes a file is still a commit: gold finds each promotion
        // in the log by the id in its commit metadata, and promoting partitions that were and stay
        // empty is one.
        .config(SKIP_RECORDING_EMPTY_COMMITS, "false")
        .config("spark.ui.showConsoleProgress", "false");
  }

  /**
   * The Hadoop configuration a session built with these settings would use (its {@code
   * spark.hadoop.*} settings, spark-submit's first), for commands that reach the lake without
   * starting Spark.
   */
  public static Configuration hadoopConfiguration(Map<String, String> sparkSettings) {
    SparkConf settings = new SparkConf();
    for (Map.Entry<String, String> setting : sparkSettings.entrySet()) {
      if (!settings.contains(setting.getKey())) {
        settings.set(setting.getKey(), setting.getValue());
      }
    }
    Configuration hadoop = new Configuration();
    String prefix = "spark.hadoop.";
    for (scala.Tuple2<String, String> setting : settings.getAllWithPrefix(prefix)) {
      hadoop.set(setting._1(), setting._2());
    }
    return hadoop;
  }
}
