package lakehouse.bronze;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.schema.AdEventSchemas;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a batch of accepted landing files and commits their rows to {@code bronze/ad_events} in
 * one Delta commit, in one Spark job: each task decodes a group of files ({@link
 * LandingFileGroups}) once, as the write consumes its rows.
 *
 * <p>A file is only known to decode to its end once its task has read it all, by which time the
 * other files' rows are being written. So a file that fails fails the whole write, before the
 * commit: the failure names the file, which is rejected, and the batch is written again without it.
 * Only a file that is corrupt inside (its two ends looked sound) costs that second write.
 */
final class BronzeCommit {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeCommit.class);

  /**
   * The columns whose per-file minimum and maximum Delta records, set when the write creates the
   * table. Values such as event ids or tokens span every file, so their statistics never skip one,
   * yet collecting them costs about a fifth of the write's work and they weigh on the log.
   */
  static final String STATISTICS_COLUMNS = String.join(",", BronzeEvents.STATISTICS_COLUMNS);

  private final SparkSession spark;
  private final String bronzePath;
  private final AdEventSchemas schemas;
  private final PiiTokenizer tokenizer;

  BronzeCommit(
      SparkSession spark, String bronzePath, AdEventSchemas schemas, PiiTokenizer tokenizer) {
    this.spark = spark;
    this.bronzePath = bronzePath;
    this.schemas = schemas;
    this.tokenizer = tokenizer;
  }

  /**
   * What a commit took in.
   *
   * @param ingested the files whose rows are in the commit (none: no commit was made)
   * @param rejected the files that could not be decoded to their end, none of whose rows is in it
   * @param rows the number of rows committed: every record of every ingested file
   */
  record Outcome(List<FileInspection> ingested, List<RejectedFile> rejected, long rows) {}

  Outcome commit(List<FileInspection> accepted, LocalDate ingestDate, String runId) {
    List<FileInspection> batch = new ArrayList<>(accepted);
    List<RejectedFile> rejected = new ArrayList<>();
    while (!batch.isEmpty()) {
      CollectionAccumulator<FileRecordCount> counts =
          spark.sparkContext().collectionAccumulator("bronze records per file");
      try {
        write(rows(batch, ingestDate, runId, counts), ingestDate, batch);
      } catch (Exception e) {
        Optional<UnreadableFileInFailure> unreadable = UnreadableFileInFailure.find(e, batch);
        if (unreadable.isEmpty()) {
          throw e;
        }
        FileInspection file = unreadable.get().file();
        batch.remove(file);
        rejected.add(
            new RejectedFile(
                file.file().relativePath(), unreadable.get().reason(), unreadable.get().detail()));
        LOG.warn(
            "bronze: {} cannot be read to its end ({}); writing the other {} files without it",
            file.file().relativePath(),
            unreadable.get().detail(),
            batch.size());
        continue;
      }
      return new Outcome(batch, rejected, rowsOf(batch, counts.value()));
    }
    return new Outcome(List.of(), rejected, 0);
  }

  private Dataset<Row> rows(
      List<FileInspection> batch,
      LocalDate ingestDate,
      String runId,
      CollectionAccumulator<FileRecordCount> counts) {
    SerializableConfiguration hadoop =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    AdEventSchemas schemas = this.schemas;
    PiiTokenizer tokenizer = this.tokenizer;
    // A task decodes a group of files one after the other; a record's position is its index in
    // its own file.
    List<List<FileInspection>> groups =
        LandingFileGroups.of(
            batch,
            spark.sparkContext().defaultParallelism(),
            spark.sessionState().conf().filesMaxPartitionBytes());
    JavaRDD<InternalRow> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(groups, groups.size())
            .flatMap(
                group -> {
                  LandingGroupRows groupRows =
                      new LandingGroupRows(
                          group,
                          file ->
                              new LandingFileRows(
                                  file,
                                  schemas.version(file.schemaVersion()),
                                  tokenizer,
                                  ingestDate,
                                  runId,
                                  hadoop.value(),
                                  counts::add));
                  TaskContext task = TaskContext.get();
                  if (task != null) {
                    task.addTaskCompletionListener(
                        (TaskCompletionListener) context -> groupRows.close());
                  }
                  return groupRows;
                });
    // Spark's internal rows, not external Rows: converting every field of every external Row into
    // Spark's format costs more than decoding the Avro itself. The decoder makes them in that
    // format
    // directly, to the schema's types and nullability.
    return spark.internalCreateDataFrame(rows.rdd(), BronzeEvents.SCHEMA, false);
  }

  private void write(Dataset<Row> rows, LocalDate ingestDate, List<FileInspection> batch) {
    String files =
        batch.stream()
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
        // A table property: Delta takes it from the write that creates the table, and ignores it
        // on every later write.
        .option("delta.dataSkippingStatsColumns", STATISTICS_COLUMNS)
        .partitionBy(BronzeEvents.PARTITION_COLUMN)
        .save(bronzePath);
  }

  /**
   * The rows committed, from the counts of the tasks that read each file to its end. A task run
   * twice (a retry after a lost executor) reports its file twice, the same count: each file counts
   * once.
   */
  private static long rowsOf(List<FileInspection> batch, List<FileRecordCount> counts) {
    Map<String, Long> byFile = new HashMap<>();
    for (FileRecordCount count : counts) {
      byFile.put(count.fingerprint(), count.records());
    }
    long rows = 0;
    for (FileInspection file : batch) {
      Long records = byFile.get(file.file().fingerprint());
      if (records == null) {
        throw new IllegalStateException(
            "bronze committed " + file.file().relativePath() + " but no task reported its records");
      }
      rows += records;
    }
    return rows;
  }
}
