package lakehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The bronze rows of one ingest date whose files silver has not processed, read from one bronze
 * version so that every step of the run sees the same rows even if bronze is written meanwhile.
 *
 * @param schemaVersions the schema versions among the rows
 */
public record PendingInput(Dataset<Row> rows, List<BronzeFile> files, Set<Integer> schemaVersions) {

  public static PendingInput read(
      SparkSession spark, String bronzePath, LocalDate ingestDate, Set<BronzeFile> processed) {
    long version = DeltaPartitionWriter.version(spark, bronzePath);
    if (version < 0) {
      return new PendingInput(
          spark.createDataFrame(List.of(), BronzeEvents.SCHEMA), List.of(), Set.of());
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
    List<BronzeFile> files = new ArrayList<>();
    Set<Integer> versions = new TreeSet<>();
    for (Row file :
        rows.groupBy(BronzeEvents.SOURCE_FINGERPRINT, BronzeEvents.SOURCE_FILE)
            .agg(collect_set(col(BronzeEvents.SCHEMA_VERSION)))
            .orderBy(BronzeEvents.SOURCE_FILE)
            .collectAsList()) {
      files.add(new BronzeFile(file.getString(0), file.getString(1)));
      versions.addAll(file.<Integer>getList(2));
    }
    return new PendingInput(rows, List.copyOf(files), Set.copyOf(versions));
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }
}
