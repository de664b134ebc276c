package lakehouse.chaos.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import lakehouse.chaos.Attacks;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;
import lakehouse.shared.lake.CatalogTable;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code cleanup} (VACUUM and staging removal) while a long reader is in the middle of an older
 * snapshot of a gold table, one still within the retention: the reader has read its first file and
 * reads the others, among them files the newer version superseded, only after cleanup ended. It
 * must finish with exactly the rows of that snapshot.
 *
 * <p>So that VACUUM has something to decide, the table's data files are made two days old and the
 * retention is one day: the superseded files are then kept only because the version that removed
 * them is within the retention. A file no version refers to, two days old too (what a writer killed
 * before its commit leaves), must be removed by the same cleanup.
 */
public final class VacuumUnderReaderScenario implements Scenario {
  public static final String READER_FINISHES = "long reader finishes with its snapshot's rows";
  public static final String KEEPS_RETAINED =
      "cleanup keeps the files of versions within the retention";
  public static final String REMOVES_ORPHANS =
      "cleanup removes files no version needs, past the retention";
  private static final long ONE_FILE_PER_PARTITION = 128L * 1024 * 1024;
  private static final String RETENTION = "cleanup.vacuum-retention=24h";
  private static final Duration FILES_AGE = Duration.ofDays(2);

  @Override
  public String name() {
    return "vacuum-under-reader";
  }

  @Override
  public ScenarioResult run(ChaosContext context) throws IOException {
    long started = System.nanoTime();
    int trials = context.trials(1, 5);
    List<Violation> violations = new ArrayList<>();
    List<String> saw = new ArrayList<>();
    int injected = 0;
    for (int trial = 0; trial < trials; trial++) {
      ChaosLake lake = context.fixture().clean().copyTo(context.lakeFolder(name()));
      CatalogTable table = lake.goldTables().get(0);
      SparkSession spark = context.spark();
      long older = ChaosLake.commits(Path.of(table.path())) - 2L;
      Dataset<Row> snapshot =
          spark.read().format("delta").option("versionAsOf", older).load(table.path());
      Set<String> superseded = new HashSet<>(Arrays.asList(snapshot.inputFiles()));
      superseded.removeAll(
          Arrays.asList(spark.read().format("delta").load(table.path()).inputFiles()));
      List<String> expected = sorted(snapshot.collectAsList());
      Path orphan = ageDataFilesAndLeaveAnOrphan(Path.of(table.path()));
      long filesBefore = dataFiles(lake.root());

      Path gates = Files.createDirectories(context.work().resolve("gates-" + trial));
      Path firstFileRead = gates.resolve("first-file-read");
      Path cleanupDone = gates.resolve("cleanup-done");
      spark.conf().set("spark.sql.files.maxPartitionBytes", ONE_FILE_PER_PARTITION);
      spark.conf().set("spark.sql.files.openCostInBytes", ONE_FILE_PER_PARTITION);
      CompletableFuture<List<String>> longRead =
          CompletableFuture.supplyAsync(
              () ->
                  sorted(
                      snapshot
                          .mapPartitions(
                              new HoldAfterFirstFile(
                                  firstFileRead.toString(), cleanupDone.toString()),
                              Encoders.row(snapshot.schema()))
                          .collectAsList()));
      while (!Files.exists(firstFileRead) && !longRead.isDone()) {
        Attacks.sleep(50);
      }
      Lakehouse.Outcome cleanup =
          context.lakehouse().run("cleanup", "--lake", lake.root().toString(), "--set", RETENTION);
      injected++;
      Files.createFile(cleanupDone);
      try {
        List<String> read = longRead.join();
        if (!read.equals(expected)) {
          violations.add(
              new Violation(
                  READER_FINISHES,
                  table.location()
                      + " version "
                      + older
                      + ": read "
                      + read.size()
                      + " rows, "
                      + expected.size()
                      + " expected"));
        }
      } catch (RuntimeException e) {
        violations.add(
            new Violation(
                READER_FINISHES, table.location() + " version " + older + ": " + e.getCause()));
      } finally {
        spark.conf().unset("spark.sql.files.maxPartitionBytes");
        spark.conf().unset("spark.sql.files.openCostInBytes");
      }
      if (!cleanup.succeeded()) {
        violations.add(new Violation("cleanup succeeds", cleanup.errorLine()));
      } else if (Files.exists(orphan)) {
        violations.add(new Violation(REMOVES_ORPHANS, orphan + " is still there"));
      }
      List<String> lost = superseded.stream().filter(file -> !exists(file)).toList();
      if (!lost.isEmpty()) {
        violations.add(
            new Violation(
                KEEPS_RETAINED, "version " + older + " lost " + lost.size() + " files: " + lost));
      }
      saw.add(
          "cleanup exit "
              + cleanup.exitStatus()
              + ", removed "
              + (filesBefore - dataFiles(lake.root()))
              + " files (the orphan among them: "
              + !Files.exists(orphan)
              + "); reader of version "
              + older
              + " ("
              + superseded.size()
              + " superseded files) read "
              + expected.size()
              + " rows");
    }
    return new ScenarioResult(
        name(),
        trials,
        injected,
        violations,
        0,
        Duration.ofNanos(System.nanoTime() - started),
        String.join("; ", saw));
  }

  /**
   * Makes every data file of the table two days old, as after two quiet days, and leaves beside
   * them a copy of one under a name no version refers to, as old.
   */
  private static Path ageDataFilesAndLeaveAnOrphan(Path table) throws IOException {
    FileTime old = FileTime.from(Instant.now().minus(FILES_AGE));
    List<Path> files;
    try (var walk = Files.walk(table)) {
      files =
          walk.filter(file -> file.toString().endsWith(".parquet"))
              .filter(file -> !file.toString().contains("_delta_log"))
              .toList();
    }
    for (Path file : files) {
      Files.setLastModifiedTime(file, old);
    }
    Path orphan =
        files.get(0).resolveSibling("part-00000-orphan-of-a-killed-writer.c000.snappy.parquet");
    Files.copy(files.get(0), orphan);
    Files.setLastModifiedTime(orphan, old);
    return orphan;
  }

  private static boolean exists(String file) {
    return Files.exists(Path.of(java.net.URI.create(file)));
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }

  private static long dataFiles(Path lake) {
    try (var files = Files.walk(lake)) {
      return files.filter(file -> file.toString().endsWith(".parquet")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the first partition (one file) at once and marks it read; every other partition waits
   * until cleanup has ended before it opens its file. Files are opened lazily, when the iterator is
   * first asked for a row.
   */
  private record HoldAfterFirstFile(String firstFileRead, String cleanupDone)
      implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws Exception {
      int partition = org.apache.spark.TaskContext.getPartitionId();
      if (partition == 0) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        Files.writeString(Path.of(firstFileRead), "read");
        return all.iterator();
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (!Files.exists(Path.of(cleanupDone)) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      return rows;
    }
  }
}
