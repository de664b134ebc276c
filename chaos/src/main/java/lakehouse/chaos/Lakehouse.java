package lakehouse.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code scripts/lakehouse} commands as their own processes, as cron or an operator would, so
 * that an attack can kill them like a lost machine.
 */
public final class Lakehouse {
  /** No chaos command runs longer than this; one that does is killed and reported. */
  private static final Duration LONGEST_COMMAND = Duration.ofMinutes(15);

  private final Path project;
  private final Path outputs;
  private final Map<String, String> environment;
  private final java.util.Set<Process> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private int started;

  /**
   * @param environment added to every command's: the PII key, and the small-machine sizing of
   *     scripts/lakehouse that changes no result
   */
  public Lakehouse(Path project, Path outputs, Map<String, String> environment) {
    this.project = project;
    this.outputs = outputs;
    this.environment = Map.copyOf(environment);
    // Interrupted (Ctrl-C, a CI timeout), the attacker takes its commands down with it rather than
    // leaving them writing to its lakes.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    running.forEach(
                        process -> {
                          process.descendants().forEach(ProcessHandle::destroyForcibly);
                          process.destroyForcibly();
                        })));
  }

  public Path project() {
    return project;
  }

  /** Starts {@code scripts/lakehouse ARGUMENTS}, returning at once. */
  public Command start(String... arguments) {
    return start(Map.of(), arguments);
  }

  public Command start(Map<String, String> extraEnvironment, String... arguments) {
    return startScript("scripts/lakehouse", extraEnvironment, arguments);
  }

  /** Starts another script of the project ({@code scripts/cluster.sh}, ...) the same way. */
  public Command startScript(
      String script, Map<String, String> extraEnvironment, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(project.resolve(script).toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().remove("LAKEHOUSE_JAR");
    builder.environment().remove("LAKEHOUSE_MAIN_CLASS");
    builder.environment().putAll(environment);
    builder.environment().putAll(extraEnvironment);
    try {
      Files.createDirectories(outputs);
      int number;
      synchronized (this) {
        number = ++started;
      }
      Path out = outputs.resolve("command-" + number + ".out");
      Path err = outputs.resolve("command-" + number + ".err");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      running.add(process);
      running.removeIf(earlier -> !earlier.isAlive());
      return new Command(String.join(" ", arguments), process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + script, e);
    }
  }

  /** Runs a command to its end. */
  public Outcome run(String... arguments) {
    return start(arguments).await();
  }

  /** What a finished command left: its exit status and what it printed. */
  public record Outcome(String command, int exitStatus, String stdout, String stderr) {
    /** The lakehouse command: run, backfill, cleanup, ... */
    public String verb() {
      int space = command.indexOf(' ');
      return space < 0 ? command : command.substring(0, space);
    }

    public boolean succeeded() {
      return exitStatus == 0 || exitStatus == 3;
    }

    /** The line a user would read first when it failed: the first error line, else the last. */
    public String errorLine() {
      List<String> lines = stderr.lines().filter(line -> !line.startsWith("warning:")).toList();
      return lines.stream()
          .filter(line -> line.startsWith("error"))
          .findFirst()
          .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }

    /** Fails the scenario when a command that nothing attacked did not succeed. */
    public Outcome requireSuccess() {
      if (!succeeded()) {
        throw new IllegalStateException(
            command + " exited " + exitStatus + ": " + errorLine() + "\n" + stdout + stderr);
      }
      return this;
    }
  }

  /** A running command. */
  public static final class Command {
    private final String description;
    private final Process process;
    private final Path out;
    private final Path err;

    private Command(String description, Process process, Path out, Path err) {
      this.description = description;
      this.process = process;
      this.out = out;
      this.err = err;
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    public String stdoutSoFar() {
      return read(out);
    }

    /** Waits for the end. */
    public Outcome await() {
      try {
        if (!process.waitFor(LONGEST_COMMAND.toMillis(), TimeUnit.MILLISECONDS)) {
          kill();
          throw new IllegalStateException(
              description + " still running after " + LONGEST_COMMAND + "; killed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + description, e);
      }
      return outcome();
    }

    /**
     * SIGKILL to the command and everything it started, as a lost machine: no shutdown hook, no
     * finally block runs. Waits until the processes are gone.
     */
    public Outcome kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return outcome();
    }

    private Outcome outcome() {
      return new Outcome(description, process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }
}
