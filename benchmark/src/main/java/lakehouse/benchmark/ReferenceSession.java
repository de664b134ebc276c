package lakehouse.benchmark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a reference job: Delta enabled as in the lakehouse's own session, and
 * nothing else set, so that the master, memory and shuffle partitions come from the same
 * spark-submit options.
 */
final class ReferenceSession {
  private ReferenceSession() {}

  static SparkSession start(String appName) {
    return SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
  }
}
