package lakehouse.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.tables.ProcessedFiles;
import lakehouse.silver.table.DeclaredTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The bronze files silver has processed, per ingest date: the Delta table {@code
 * silver/_processed_files}. A run records its files last, after its events, quarantine and feature
 * groups are committed, so a file is in the ledger only once all of its effects are; a run that
 * stops earlier leaves its files pending and the next run of the date processes them again.
 */
public final class ProcessedFilesLedger {
  public static final String INGEST_DATE = ProcessedFiles.INGEST_DATE;
  public static final String SOURCE_FINGERPRINT = ProcessedFiles.SOURCE_FINGERPRINT;
  public static final String SOURCE_FILE = ProcessedFiles.SOURCE_FILE;
  public static final String RUN_ID = ProcessedFiles.RUN_ID;
  public static final String PROCESSED_AT = ProcessedFiles.PROCESSED_AT;

  public static final StructType SCHEMA = ProcessedFiles.SCHEMA;

  private final SparkSession spark;
  private final DeclaredTable table;

  public ProcessedFilesLedger(SparkSession spark, LakeLayout lake) {
    this.spark = spark;
    this.table = DeclaredTable.of(new TableCatalog(lake).processedFiles());
  }

  public static String path(LakeLayout lake) {
    return lake.processedFiles();
  }

  public DeclaredTable table() {
    return table;
  }

  /** The files of the ingest date whose processing completed. */
  public Set<BronzeFile> filesProcessed(LocalDate ingestDate) {
    Set<BronzeFile> files = new HashSet<>();
    if (table.exists(spark)) {
      for (Row row :
          table
              .read(spark)
              .where(col(INGEST_DATE).equalTo(lit(ingestDate)))
              .select(SOURCE_FINGERPRINT, SOURCE_FILE)
              .collectAsList()) {
        files.add(new BronzeFile(row.getString(0), row.getString(1)));
      }
    }
    return files;
  }

  /**
   * Records the files as processed by the run, in one append. Readers take the set of fingerprints,
   * so two runs racing on the same files leave the same answer, whatever the number of entries.
   * Returns the version the append created.
   */
  public long record(
      LocalDate ingestDate, List<BronzeFile> files, String runId, Instant processedAt) {
    List<Row> rows =
        files.stream()
            .map(
                file ->
                    RowFactory.create(
                        Date.valueOf(ingestDate),
                        file.fingerprint(),
                        file.sourceFile(),
                        runId,
                        Timestamp.from(processedAt)))
            .toList();
    return table.append(spark, spark.createDataFrame(rows, SCHEMA));
  }
}
