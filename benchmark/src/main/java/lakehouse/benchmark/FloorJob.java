package lakehouse.benchmark;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The engine's floor: one Spark application that reads one ingest date's landing Avro files and
 * writes them once as Parquet, with no validation, dedup, aggregation or table log. A nightly run
 * cannot cost less than this on the same Spark, so the night's time over this job's time says how
 * much the lakehouse adds.
 *
 * <p>Arguments: LAKE_ROOT INGEST_DATE OUT (OUT must not exist).
 */
public final class FloorJob {
  private FloorJob() {}

  public static void main(String[] args) {
    JobArguments arguments = JobArguments.parse("FloorJob", args);
    SparkSession spark = ReferenceSession.start("benchmark-floor " + arguments.ingestDate());
    try {
      long started = System.nanoTime();
      LandingEvents.read(spark, arguments.lakeRoot(), arguments.ingestDate())
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet(arguments.out());
      System.out.printf(
          "floor %s: landing Avro to Parquet in %.3f s (%s)%n",
          arguments.ingestDate(), (System.nanoTime() - started) / 1e9, arguments.out());
    } finally {
      spark.stop();
    }
  }
}
