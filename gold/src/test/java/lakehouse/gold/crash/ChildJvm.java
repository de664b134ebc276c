package lakehouse.gold.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test classpath with the test JVM's add-opens flags (Spark needs them on
 * Java 17), whose stdout lines the test can wait for, and which the test can kill with SIGKILL.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::readOutput, "child-jvm-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(
      Class<?> main, List<String> arguments, Map<String, String> systemProperties, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-XX:+UseSerialGC");
    // Small jobs: the C1 compiler alone warms up faster than tiered compilation to C2.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Duser.timezone=UTC");
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens") || flag.startsWith("-Djdk.reflect")) {
        command.add(flag);
      }
    }
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    return new ChildJvm(process, log);
  }

  private void readOutput() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException ended) {
      // The child was killed: its output ends here.
    }
  }

  /**
   * Waits for a stdout line starting with the prefix; fails with the child's log if it never comes.
   */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      if (!process.isAlive() && lines.stream().noneMatch(l -> l.startsWith(prefix))) {
        Thread.sleep(200);
        if (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
          throw new AssertionError(
              "the child JVM ended (status "
                  + process.exitValue()
                  + ") without printing '"
                  + prefix
                  + "'; stdout: "
                  + lines
                  + "\n"
                  + logTail());
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no '"
            + prefix
            + "' from the child JVM within "
            + timeout
            + "; stdout: "
            + lines
            + "\n"
            + logTail());
  }

  /** SIGKILL: no shutdown hook, no finally block runs in the child. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the child JVM did not end within " + timeout + "; stdout: " + lines + "\n" + logTail());
    }
    return process.exitValue();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  String logTail() {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "child log "
          + log
          + ":\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (IOException e) {
      return "(no child log: " + e.getMessage() + ")";
    }
  }

  /** Kills the child if it still runs, so that no test leaves a JVM behind. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
