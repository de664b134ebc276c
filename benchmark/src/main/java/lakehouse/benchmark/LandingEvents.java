package lakehouse.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One ingest date's landing Avro files as one Dataset, read with plain spark-avro: the cheapest way
 * Spark can read them, which is what the reference jobs must cost. Files of both schema versions
 * resolve against one reader schema holding every field of v1 and v2, so a date that mixes versions
 * is read in one pass.
 */
final class LandingEvents {
  private static final String READER_SCHEMA = "/landing_ad_event_reader.avsc";

  private LandingEvents() {}

  static Dataset<Row> read(SparkSession spark, String lakeRoot, LocalDate ingestDate) {
    String folder = lakeRoot.replaceAll("/+$", "") + "/landing/ad_events/ingest_date=" + ingestDate;
    return spark
        .read()
        .format("avro")
        .option("avroSchema", readerSchema())
        // Only *.avro files are landing files, as in bronze; Spark already skips names starting
        // with '.' or '_'.
        .option("pathGlobFilter", "*.avro")
        .load(folder);
  }

  private static String readerSchema() {
    try (InputStream in = LandingEvents.class.getResourceAsStream(READER_SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + READER_SCHEMA);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
