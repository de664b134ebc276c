package lakehouse.chaos;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import lakehouse.shared.lake.CatalogTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The guarantees a reader relies on, checked on a lake as it is at one moment, whatever is running
 * against it: each gold partition holds one run's complete output, silver holds each event once,
 * and every finished run's counts add up.
 */
public final class LakeInvariants {
  public static final String ONE_RUN_PER_PARTITION = "one run per gold partition";
  public static final String COMPLETE_PARTITION = "gold partition complete";
  public static final String UNIQUE_KEYS = "gold keys unique";
  public static final String UNIQUE_EVENTS = "silver event_id unique";
  public static final String COUNTS_ADD_UP = "counts add up";

  private static final String RUN_ID = "run_id";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;

  public LakeInvariants(SparkSession spark) {
    this.spark = spark;
  }

  /** Every guarantee, on the lake as it is now. */
  public List<Violation> check(ChaosLake lake) {
    List<Violation> violations = new ArrayList<>();
    for (Check check : checks(lake)) {
      violations.addAll(check.run());
    }
    return violations;
  }

  /**
   * The guarantees one by one, each with the folders whose files it reads: a reader polling the
   * lake checks again only those whose folders changed. A silver commit leaves the gold checks'
   * answer as it was, and a staged partition only its own table's.
   */
  public List<Check> checks(ChaosLake lake) {
    List<Check> checks = new ArrayList<>();
    for (CatalogTable table : lake.goldTables()) {
      checks.add(
          new Check(
              List.of(
                  Path.of(table.path(), "_delta_log"),
                  Path.of(lake.layout().staging(), table.name())),
              () -> goldPartitions(lake, table)));
    }
    CatalogTable silver = lake.silverEvents();
    checks.add(
        new Check(List.of(Path.of(silver.path(), "_delta_log")), () -> silverEvents(silver)));
    checks.add(new Check(List.of(lake.reports()), () -> countsAddUp(lake)));
    return checks;
  }

  /**
   * One guarantee on one part of the lake.
   *
   * @param reads the folders whose files (names and sizes) decide its answer
   */
  public record Check(List<Path> reads, Supplier<List<Violation>> check) {
    public List<Violation> run() {
      return check.get();
    }
  }

  /**
   * Per partition: one run id, each key once, and as many rows as that run staged for it (when its
   * staging is still there to compare with: the next run discards it).
   */
  List<Violation> goldPartitions(ChaosLake lake, CatalogTable table) {
    if (!isDeltaTable(table)) {
      return List.of();
    }
    String partition = table.partitionColumn().orElseThrow();
    String key = table.keyColumn().orElseThrow();
    List<Row> partitions =
        spark
            .read()
            .format("delta")
            .load(table.path())
            .groupBy(col(partition).cast("string").as("partition"))
            .agg(
                countDistinct(col(RUN_ID)).as("runs"),
                org.apache.spark.sql.functions.min(col(RUN_ID)).as("run"),
                count(lit(1)).as("rows"),
                countDistinct(col(key)).as("keys"))
            .collectAsList();
    List<Violation> violations = new ArrayList<>();
    for (Row row : partitions) {
      String where = table.location() + " " + partition + "=" + row.getString(0);
      long runs = row.getLong(1);
      long rows = row.getLong(3);
      if (runs != 1) {
        violations.add(
            new Violation(ONE_RUN_PER_PARTITION, where + " holds rows of " + runs + " runs"));
        continue;
      }
      if (rows != row.getLong(4)) {
        violations.add(
            new Violation(UNIQUE_KEYS, where + ": " + rows + " rows, " + row.getLong(4) + " keys"));
      }
      String run = row.getString(2);
      Long staged = stagedRows(lake, table, row.getString(0), run);
      if (staged != null && staged != rows) {
        violations.add(
            new Violation(
                COMPLETE_PARTITION,
                where + ": " + rows + " rows of run " + run + ", which staged " + staged));
      }
    }
    return violations;
  }

  /** The rows a run staged for a partition, or null when its staging is gone or half deleted. */
  private Long stagedRows(ChaosLake lake, CatalogTable table, String partition, String run) {
    String staged =
        lake.layout().stagedPartition(table.name(), table.version().orElseThrow(), partition, run);
    if (!Files.isDirectory(Path.of(staged))) {
      return null;
    }
    try {
      return spark.read().parquet(staged).count();
    } catch (Exception discardedMeanwhile) { // SparkException, undeclared
      return null;
    }
  }

  List<Violation> silverEvents(CatalogTable silver) {
    if (!isDeltaTable(silver)) {
      return List.of();
    }
    String eventId = silver.keyColumn().orElseThrow();
    Dataset<Row> repeated =
        spark
            .read()
            .format("delta")
            .load(silver.path())
            .groupBy(eventId)
            .count()
            .filter(col("count").gt(1));
    List<Row> shown = repeated.limit(3).collectAsList();
    if (shown.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Violation(
            UNIQUE_EVENTS, silver.location() + " holds event_ids more than once: " + shown));
  }

  /**
   * Each finished run's silver counts: rows_read = rows_accepted + records_quarantined +
   * duplicates_dropped (contract section 5).
   */
  List<Violation> countsAddUp(ChaosLake lake) {
    if (!Files.isDirectory(lake.reports())) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    try (Stream<Path> reports = Files.list(lake.reports())) {
      for (Path report : (Iterable<Path>) reports::iterator) {
        if (!report.toString().endsWith(".json")) {
          continue;
        }
        JsonNode run;
        try {
          run = JSON.readTree(report.toFile());
        } catch (IOException beingWritten) {
          continue;
        }
        JsonNode silver = run.path("layers").path("silver");
        if (!run.path("status").asText().startsWith("succeeded") || !silver.has("rows_read")) {
          continue;
        }
        long read = silver.path("rows_read").asLong();
        long decided =
            silver.path("rows_accepted").asLong()
                + silver.path("records_quarantined").asLong()
                + silver.path("duplicates_dropped").asLong();
        if (read != decided) {
          violations.add(
              new Violation(
                  COUNTS_ADD_UP,
                  report.getFileName()
                      + ": silver rows_read "
                      + read
                      + " but accepted + quarantined + duplicates = "
                      + decided));
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return violations;
  }

  private static boolean isDeltaTable(CatalogTable table) {
    return ChaosLake.commits(Path.of(table.path())) > 0;
  }
}
