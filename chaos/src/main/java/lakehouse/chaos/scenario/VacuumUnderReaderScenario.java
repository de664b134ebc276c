package lakehouse.chaos.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 */
public final class VacuumUnderReaderScenario implements Scenario {
  public static final String READER_FINISHES = "long reader finishes with its snapshot's rows";
  private static final long ONE_FILE_PER_PARTITION = 128L * 1024 * 1024;

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
          context.lakehouse().run("cleanup", "--lake", lake.root().toString());
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
      }
      saw.add(
          "cleanup exit "
              + cleanup.exitStatus()
              + ", removed "
              + (filesBefore - dataFiles(lake.root()))
              + " files; reader of version "
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
