package lakehouse.chaos.scenario;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;
import lakehouse.shared.lake.CatalogTable;
import org.apache.spark.sql.Row;

/**
 * A long history: many nights, then a backfill of all of them rebuilding gold. What must stay
 * bounded: files per gold partition (one per max-rows-per-file rows: a promotion overwrites the
 * partition whole), files per silver event date (appends only from the nights whose window reaches
 * the date, one file per write task each), and the Delta log a reader replays (a checkpoint every
 * ten commits, so never ten or more commits after the latest one); and {@code status} stays about
 * as fast as on a two-night lake.
 */
public final class HistoryBoundsScenario implements Scenario {
  public static final String FILES_BOUNDED = "files per partition bounded";
  public static final String LOG_BOUNDED = "Delta log replay bounded";
  public static final String STATUS_FAST = "status stays fast";

  /** Nights whose window reaches one event date: D-2..D+1 are accepted by the run of D. */
  private static final int NIGHTS_REACHING_A_DATE = 4;

  /** Write tasks per silver append: the chaos commands' shuffle partitions. */
  private static final int WRITE_TASKS = 2;

  private static final int CHECKPOINT_INTERVAL = 10;
  private static final double STATUS_SLOWDOWN_ALLOWED = 3.0;
  private static final int EVENTS_PER_DAY = 300;

  @Override
  public String name() {
    return "long-history";
  }

  @Override
  public ScenarioResult run(ChaosContext context) throws IOException {
    long started = System.nanoTime();
    int nights = context.trials(6, 30);
    LocalDate first = LocalDate.parse("2026-10-01");
    LocalDate last = first.plusDays(nights - 1L);
    Path folder = context.lakeFolder(name());
    ChaosLake.delete(folder);
    ChaosLake lake = new ChaosLake(folder);
    Lakehouse lakehouse = context.lakehouse();
    lakehouse
        .run(
            "generate",
            "--out",
            folder.toString(),
            "--from",
            first.toString(),
            "--days",
            String.valueOf(nights),
            "--events-per-day",
            String.valueOf(EVENTS_PER_DAY),
            "--seed",
            "11")
        .requireSuccess();
    String lakeOption = folder.toString();
    if (context.quick()) {
      lakehouse
          .run(
              "backfill", "--lake", lakeOption, "--from", first.toString(), "--to", last.toString())
          .requireSuccess();
    } else {
      for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
        lakehouse.run("run", "--lake", lakeOption, "--date", date.toString()).requireSuccess();
      }
    }
    lakehouse
        .run(
            "backfill",
            "--lake",
            lakeOption,
            "--from",
            first.toString(),
            "--to",
            last.toString(),
            "--layers",
            "gold")
        .requireSuccess();

    List<Violation> violations = new ArrayList<>();
    int goldMax = 0;
    for (CatalogTable table : lake.goldTables()) {
      int most = mostFilesPerPartition(context, table);
      goldMax = Math.max(goldMax, most);
      if (most > 1) {
        violations.add(
            new Violation(FILES_BOUNDED, table.location() + ": " + most + " files in a partition"));
      }
    }
    int silverBound = NIGHTS_REACHING_A_DATE * WRITE_TASKS;
    int silverMax = mostFilesPerPartition(context, lake.silverEvents());
    if (silverMax > silverBound) {
      violations.add(
          new Violation(
              FILES_BOUNDED,
              "silver/ad_events: " + silverMax + " files in an event date, bound " + silverBound));
    }
    int longestTail = 0;
    for (CatalogTable table : lake.tables()) {
      int tail = commitsAfterCheckpoint(Path.of(table.path()));
      longestTail = Math.max(longestTail, tail);
      if (tail >= CHECKPOINT_INTERVAL) {
        violations.add(
            new Violation(
                LOG_BOUNDED,
                table.location() + ": " + tail + " commits after the last checkpoint"));
      }
    }
    double statusHere = secondsOf(lakehouse, lakeOption);
    double statusSmall = secondsOf(lakehouse, context.fixture().clean().root().toString());
    if (statusHere > STATUS_SLOWDOWN_ALLOWED * statusSmall) {
      violations.add(
          new Violation(
              STATUS_FAST,
              String.format(
                  "status took %.1f s, %.1f s on a two-night lake", statusHere, statusSmall)));
    }
    return new ScenarioResult(
        name(),
        nights,
        0,
        violations,
        0,
        Duration.ofNanos(System.nanoTime() - started),
        String.format(
            "%d nights and a %d-day gold backfill: at most %d file per gold partition, %d per silver"
                + " event date (bound %d), %d commits after a checkpoint; status %.1f s (%.1f s on"
                + " 2 nights)",
            nights, nights, goldMax, silverMax, silverBound, longestTail, statusHere, statusSmall));
  }

  /** The most data files the table's current version holds in one partition. */
  private static int mostFilesPerPartition(ChaosContext context, CatalogTable table) {
    String partition = table.partitionColumn().orElseThrow();
    List<Row> most =
        context
            .spark()
            .read()
            .format("delta")
            .load(table.path())
            .select(col(partition), input_file_name().as("file"))
            .distinct()
            .groupBy(col(partition))
            .agg(count(lit(1)).as("files"))
            .orderBy(col("files").desc())
            .limit(1)
            .collectAsList();
    return most.isEmpty() ? 0 : (int) most.get(0).getLong(1);
  }

  /** Commits a reader replays as JSON after the newest checkpoint (all of them without one). */
  private static int commitsAfterCheckpoint(Path table) throws IOException {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return 0;
    }
    long checkpoint = -1;
    long newest = -1;
    try (Stream<Path> files = Files.list(log)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        long version =
            name.length() >= 20 && name.substring(0, 20).matches("\\d{20}")
                ? Long.parseLong(name.substring(0, 20))
                : -1;
        if (name.endsWith(".checkpoint.parquet")) {
          checkpoint = Math.max(checkpoint, version);
        } else if (name.matches("\\d{20}\\.json")) {
          newest = Math.max(newest, version);
        }
      }
    }
    return (int) (newest - checkpoint);
  }

  private static double secondsOf(Lakehouse lakehouse, String lake) {
    long started = System.nanoTime();
    lakehouse.run("status", "--lake", lake).requireSuccess();
    return (System.nanoTime() - started) / 1e9;
  }
}
