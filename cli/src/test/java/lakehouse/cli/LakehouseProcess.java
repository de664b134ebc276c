package lakehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import lakehouse.shared.spark.SmallData;

/**
 * Runs {@code scripts/lakehouse} (or another script) as a user would, in its own process, and keeps
 * what it printed.
 */
final class LakehouseProcess {
  static final Path PROJECT =
      Path.of(System.getProperty("lakehouse.project.dir", "..")).toAbsolutePath().normalize();

  record Outcome(int exitStatus, String stdout, String stderr) {
    String all() {
      return stdout + "\n" + stderr;
    }
  }

  private LakehouseProcess() {}

  static Outcome run(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    return script("scripts/lakehouse", environment, arguments);
  }

  /**
   * Starts scripts/lakehouse and returns at once: the test can do its own Spark work meanwhile,
   * which on a small machine overlaps two mostly latency-bound Spark applications instead of
   * running them in turn.
   */
  static CompletableFuture<Outcome> start(Map<String, String> environment, String... arguments) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return run(environment, arguments);
          } catch (IOException | InterruptedException e) {
            throw new CompletionException(e);
          }
        });
  }

  /** Runs any script of the project ({@code scripts/cluster.sh}, ...) the same way. */
  static Outcome script(String script, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    return launch(script, environment, arguments).await(Duration.ofMinutes(10));
  }

  /**
   * Starts a script of the project and returns it running, to be watched and, like a crash, killed.
   */
  static Running launch(String script, Map<String, String> environment, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(PROJECT.resolve(script).toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
    builder.environment().remove("LAKEHOUSE_PII_KEY");
    builder.environment().remove("AWS_ACCESS_KEY_ID");
    builder.environment().remove("AWS_SECRET_ACCESS_KEY");
    testSized(builder.environment());
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("lakehouse-out", ".txt");
    Path err = Files.createTempFile("lakehouse-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Running(builder.start(), out, err);
  }

  /**
   * Sizes the Spark application a script starts for a test's tiny days, as the test JVM's own
   * session is sized: two partitions for Delta's log replay and for shuffles (Delta replays each
   * table's log into 50 by default, which on two cores costs more than the day's work), a small
   * driver, a JIT that stops at the quick C1 compiler, since these applications live for seconds,
   * and Spark's interpreter instead of compiled queries ({@link SmallData}). No setting changes a
   * result.
   */
  static void testSized(Map<String, String> environment) {
    environment.remove("SPARK_HOME");
    environment.put("LAKEHOUSE_DRIVER_MEMORY", "2g");
    environment.put(
        "LAKEHOUSE_SUBMIT_OPTS",
        "--conf spark.databricks.delta.snapshotPartitions=2"
            + " --conf spark.sql.shuffle.partitions=2 "
            + SmallData.submitOptions());
    environment.put("LAKEHOUSE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  /** A started script; what it prints goes to files, so it can be read while it runs. */
  static final class Running {
    private final Process process;
    private final Path out;
    private final Path err;

    private Running(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    String stdout() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * Waits until standard output has a line containing the text; false if the process ended first
     * or time ran out.
     */
    boolean awaitLine(String text, Duration timeout) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (stdout().lines().anyMatch(line -> line.contains(text))) {
          return true;
        }
        if (!process.isAlive()) {
          return stdout().lines().anyMatch(line -> line.contains(text));
        }
        Thread.sleep(100);
      }
      return false;
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** Waits for the end; kills it and fails if it runs longer than the timeout. */
    Outcome await(Duration timeout) throws IOException, InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        Outcome killed = kill();
        throw new IllegalStateException(
            "still running after " + timeout + ", killed:\n" + killed.all());
      }
      return outcome();
    }

    /**
     * Kills the process and everything it started with SIGKILL, as a lost machine would, and waits
     * for the end.
     */
    Outcome kill() throws IOException, InterruptedException {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(1, TimeUnit.MINUTES);
      return outcome();
    }

    private Outcome outcome() throws IOException {
      Outcome outcome =
          new Outcome(process.exitValue(), stdout(), Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return outcome;
    }
  }
}
