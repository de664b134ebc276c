package lakehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code scripts/lakehouse} as a user would, in its own process, and keeps what it printed. */
final class LakehouseProcess {
  static final Path PROJECT = Path.of(System.getProperty("lakehouse.project.dir", "..")).toAbsolutePath().normalize();

  record Outcome(int exitStatus, String stdout, String stderr) {
    String all() {
      return stdout + "\n" + stderr;
    }
  }

  private LakehouseProcess() {}

  static Outcome run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(PROJECT.resolve("scripts/lakehouse").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().remove("LAKEHOUSE_PII_KEY");
    builder.environment().put("LAKEHOUSE_DRIVER_MEMORY", "2g");
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("lakehouse-out", ".txt");
    Path err = Files.createTempFile("lakehouse-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("scripts/lakehouse " + String.join(" ", arguments) + " did not finish in 10 minutes");
    }
    Outcome outcome = new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return outcome;
  }
}
