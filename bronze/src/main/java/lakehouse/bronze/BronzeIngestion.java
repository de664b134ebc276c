package lakehouse.bronze;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.schema.AdEventSchemas;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one ingest date's landing files into {@code bronze/ad_events}.
 *
 * <p>Guarantees: a file is ingested whole or not at all (every file is read to its end before any
 * of its records is written); all files of a run become visible in one Delta commit, so a crash
 * leaves no half batch; a file already ingested is skipped, so running a date twice adds nothing;
 * the commit replaces exactly the rows of the files it ingests, so two attempts racing on the same
 * files still leave one copy of each record. Rejected files stay in the landing zone and are
 * reported.
 */
public final class BronzeIngestion {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeIngestion.class);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final LandingFileInspector inspector;
  private final AdEventRowMapper mapper;
  private final Clock clock;

  public BronzeIngestion(
      SparkSession spark,
      LakeLayout lake,
      AdEventSchemas schemas,
      PiiTokenizer tokenizer,
      Clock clock) {
    this.spark = spark;
    this.lake = lake;
    this.inspector = new LandingFileInspector(schemas);
    this.mapper = new AdEventRowMapper(tokenizer);
    this.clock = clock;
  }

  public BronzeResult ingest(LocalDate ingestDate, String runId) {
    long started = clock.millis();
    String bronzePath = lake.bronzeEvents();
    List<LandingFile> landed =
        new LandingZone(lake, spark.sparkContext().hadoopConfiguration()).filesOf(ingestDate);
    Set<String> ingested = new IngestLedger(spark, bronzePath).fingerprintsIngested(ingestDate);
    List<LandingFile> pending =
        landed.stream().filter(f -> !ingested.contains(f.fingerprint())).toList();
    int skipped = landed.size() - pending.size();

    List<FileInspection> inspections = inspect(pending);
    List<FileInspection> accepted =
        inspections.stream().filter(FileInspection::isAccepted).toList();
    List<RejectedFile> rejected = new ArrayList<>();
    for (FileInspection inspection : inspections) {
      if (!inspection.isAccepted()) {
        rejected.add(
            new RejectedFile(
                inspection.file().relativePath(), inspection.rejection(), inspection.detail()));
        LOG.warn(
            "bronze: rejected {} ({}): {}",
            inspection.file().relativePath(),
            inspection.rejection().label(),
            inspection.detail());
      }
    }

    long rowsRead = accepted.stream().mapToLong(FileInspection::records).sum();
    if (!accepted.isEmpty()) {
      write(rows(accepted, ingestDate, runId), ingestDate, accepted);
    }
    return new BronzeResult(
        ingestDate.toString(),
        accepted.size(),
        skipped,
        rowsRead,
        rejected,
        accepted.stream().map(i -> i.file().relativePath()).toList(),
        DeltaPartitionWriter.version(spark, bronzePath),
        clock.millis() - started);
  }

  /** Reads every pending file to its end, one task per file. */
  private List<FileInspection> inspect(List<LandingFile> pending) {
    if (pending.isEmpty()) {
      return List.of();
    }
    SerializableConfiguration hadoop =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    LandingFileInspector inspector = this.inspector;
    return context()
        .parallelize(pending, pending.size())
        .map(file -> inspector.inspect(file, hadoop.value()))
        .collect();
  }

  private Dataset<Row> rows(List<FileInspection> accepted, LocalDate ingestDate, String runId) {
    SerializableConfiguration hadoop =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    AdEventRowMapper mapper = this.mapper;
    JavaRDD<Row> rows =
        context()
            .parallelize(accepted, accepted.size())
            .flatMap(
                inspection ->
                    new LandingFileRows(inspection, mapper, ingestDate, runId, hadoop.value()));
    return spark.createDataFrame(rows, BronzeEvents.SCHEMA);
  }

  private void write(Dataset<Row> rows, LocalDate ingestDate, List<FileInspection> accepted) {
    String files =
        accepted.stream()
            .map(i -> "'" + i.file().fingerprint() + "'")
            .collect(Collectors.joining(", "));
    // Replacing (not appending) the rows of exactly these files makes a repeated or racing attempt
    // converge to one copy of each record; the date predicate keeps the commit inside one
    // partition.
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option(
            "replaceWhere",
            BronzeEvents.INGEST_DATE
                + " = DATE'"
                + Date.valueOf(ingestDate)
                + "' AND "
                + BronzeEvents.SOURCE_FINGERPRINT
                + " IN ("
                + files
                + ")")
        .partitionBy(BronzeEvents.PARTITION_COLUMN)
        .save(lake.bronzeEvents());
  }

  private JavaSparkContext context() {
    return JavaSparkContext.fromSparkContext(spark.sparkContext());
  }
}
