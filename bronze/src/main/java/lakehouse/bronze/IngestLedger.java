package lakehouse.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which landing files of a date bronze already holds. The ledger is the bronze table itself (the
 * fingerprint of every row's file), so it is committed in the same Delta commit as the rows: there
 * is no moment at which rows are in bronze but their file is not recorded, or the reverse.
 */
public final class IngestLedger {
  private final SparkSession spark;
  private final String bronzePath;

  public IngestLedger(SparkSession spark, String bronzePath) {
    this.spark = spark;
    this.bronzePath = bronzePath;
  }

  public Set<String> fingerprintsIngested(LocalDate ingestDate) {
    Set<String> fingerprints = new HashSet<>();
    if (!partitionFolderExists(ingestDate)) {
      return fingerprints;
    }
    DeltaPartitionWriter.read(spark, bronzePath)
        .ifPresent(
            bronze -> {
              for (Row row :
                  bronze
                      .where(col(BronzeEvents.INGEST_DATE).equalTo(lit(Date.valueOf(ingestDate))))
                      .select(BronzeEvents.SOURCE_FINGERPRINT)
                      .distinct()
                      .collectAsList()) {
                fingerprints.add(row.getString(0));
              }
            });
    return fingerprints;
  }

  /**
   * Delta writes the files of a partition of bronze (which maps no column names and randomises no
   * file prefixes) under the partition's folder, {@code ingest_date=D}. Without that folder no file
   * of the date was ever committed, and the query above, whose file listing alone costs several
   * Spark jobs, is not needed: the first run of every date is spared it. A folder without committed
   * files (a write that failed) only means the query runs and finds nothing.
   */
  private boolean partitionFolderExists(LocalDate ingestDate) {
    Path folder = new Path(bronzePath, BronzeEvents.PARTITION_COLUMN + "=" + ingestDate);
    try {
      return folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for bronze partition " + folder, e);
    }
  }
}
