package lakehouse.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import lakehouse.bronze.BronzeIngestion;
import lakehouse.bronze.BronzeResult;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.schema.AdEventSchemas;
import org.apache.spark.sql.SparkSession;

/**
 * The run for one ingest date: bronze, then silver, then gold, in the one SparkSession of the command.
 * Each layer reports its part as soon as it is done, so a failure later still leaves the earlier parts
 * in the run report.
 */
final class NightlyRun {
  private final SparkSession spark;
  private final LakehouseConfig config;
  private final PiiTokenizer tokenizer;
  private final Console console;
  private final Clock clock;

  NightlyRun(SparkSession spark, LakehouseConfig config, PiiTokenizer tokenizer, Console console, Clock clock) {
    this.spark = spark;
    this.config = config;
    this.tokenizer = tokenizer;
    this.console = console;
    this.clock = clock;
  }

  /** Runs every layer for the date; returns whether any landing file was rejected. */
  boolean run(LocalDate ingestDate, String runId, BiConsumer<String, Object> report) {
    BronzeResult bronze = new BronzeIngestion(spark, config.lake(), AdEventSchemas.registered(), tokenizer, clock)
        .ingest(ingestDate, runId);
    report.accept("bronze", bronze);
    console.progress(String.format("bronze  %s: %d files ingested, %d already ingested, %d rejected, %,d rows (%.1f s)",
        ingestDate, bronze.filesIngested(), bronze.filesSkipped(), bronze.filesRejected().size(), bronze.rowsRead(),
        bronze.durationMs() / 1000.0));
    for (var rejected : bronze.filesRejected()) {
      console.warn("rejected " + rejected.file() + ": " + rejected.reason().label() + " (" + rejected.detail() + ")");
    }
    return bronze.hasRejections();
  }
}
