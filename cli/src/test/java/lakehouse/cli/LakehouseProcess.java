package lakehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Runs {@code scripts/lakehouse} (or another script) as a user would, in its own process, and keeps what it printed. */
final class LakehouseProcess {
  static final Path PROJECT = Path.of(System.getProperty("lakehouse.project.dir", "..")).toAbsolutePath().normalize();

  record Outcome(int exitStatus, String stdout, String stderr) {
    String all() {
      return stdout + "\n" + stderr;
    }
  }

  private LakehouseProcess() {}

  static Outcome run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
    return script("scripts/lakehouse", environment, arguments);
  }

  /**
   * Starts scripts/lakehouse and returns at once: the test can do its own Spark work meanwhile, which on a
   * small machine overlaps two mostly latency-bound Spark applications instead of running them in turn.
   */
  static CompletableFuture<Outcome> start(Map<String, String> environment, String... arguments) {
    return CompletableFuture.supplyAsync(() -> {
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
    List<String> command = new ArrayList<>();
    command.add(PROJECT.resolve(script).toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().remove("LAKEHOUSE_PII_KEY");
    builder.environment().remove("AWS_ACCESS_KEY_ID");
    builder.environment().remove("AWS_SECRET_ACCESS_KEY");
    builder.environment().put("LAKEHOUSE_DRIVER_MEMORY", "2g");
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("lakehouse-out", ".txt");
    Path err = Files.createTempFile("lakehouse-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " " + String.join(" ", arguments) + " did not finish in 10 minutes");
    }
    Outcome outcome = new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return outcome;
  }
}
