package lakehouse.shared.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a command: Delta enabled, UTC everywhere, Parquet timestamps in a type
 * every Parquet reader understands, and the configuration's Spark settings. Settings already given to
 * spark-submit win over the configuration's, so a cluster operator keeps the last word.
 */
public final class LakehouseSession {
  private LakehouseSession() {}

  public static SparkSession.Builder builder(String appName, Map<String, String> sparkSettings) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    org.apache.spark.SparkConf submitted = new org.apache.spark.SparkConf();
    for (Map.Entry<String, String> setting : sparkSettings.entrySet()) {
      if (!submitted.contains(setting.getKey())) {
        builder.config(setting.getKey(), setting.getValue());
      }
    }
    return builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        // INT96 timestamps (Spark's default) cannot be read by parquet-avro or most non-Spark readers.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // Every write states its partitions explicitly; dynamic overwrite would hide a missing one.
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.ui.showConsoleProgress", "false");
  }
}
