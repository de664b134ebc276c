package lakehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.silver.table.DeltaVersions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The bronze rows of one ingest date whose files silver has not processed, read from one bronze
 * version so that every step of the run sees the same rows even if bronze is written meanwhile.
 * Reading runs no Spark job: what the rows hold is counted once they are validated ({@link
 * InputSummary}).
 */
public record PendingInput(Dataset<Row> rows) {

  public static PendingInput read(
      SparkSession spark, String bronzePath, LocalDate ingestDate, Set<BronzeFile> processed) {
    long version = DeltaVersions.latest(spark, bronzePath);
    if (version < 0) {
      return new PendingInput(spark.createDataFrame(List.of(), BronzeEvents.SCHEMA));
    }
    Dataset<Row> rows =
        spark
            .read()
            .format("delta")
            .option("versionAsOf", version)
            .load(bronzePath)
            .where(col(BronzeEvents.INGEST_DATE).equalTo(lit(ingestDate)));
    if (!processed.isEmpty()) {
      rows =
          rows.where(
              not(
                  col(BronzeEvents.SOURCE_FINGERPRINT)
                      .isin(processed.stream().map(BronzeFile::fingerprint).toArray())));
    }
    return new PendingInput(rows);
  }
}
