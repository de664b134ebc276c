package lakehouse.shared.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A script of the project ({@code scripts/chaos.sh}, {@code scripts/benchmark.sh}) run from the
 * project's root as a user runs it, for the tests that run the long scripts' quick versions. Its
 * output goes to a file, kept for whoever reads a failure, and is printed.
 */
public final class ProjectScript {
  /** The project's root: the parent of the module a test runs in, unless told otherwise. */
  public static final Path PROJECT =
      Path.of(System.getProperty("lakehouse.project.dir", "..")).toAbsolutePath().normalize();

  /**
   * @param ended false when the script outlived its time and was killed with its children
   * @param exitStatus its exit status, once ended
   * @param printed its output and error, interleaved
   */
  public record Outcome(boolean ended, int exitStatus, String printed) {}

  private ProjectScript() {}

  /** Runs {@code scripts/<script>} with the arguments, its output into {@code output}. */
  public static Outcome run(Path output, Duration timeout, String script, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(PROJECT.resolve("scripts").resolve(script).toString());
    command.addAll(List.of(arguments));
    Files.createDirectories(output.getParent());
    Process process =
        new ProcessBuilder(command)
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(printed);
    return new Outcome(ended, ended ? process.exitValue() : -1, printed);
  }
}
