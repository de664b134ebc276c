package lakehouse.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import lakehouse.shared.testing.TestSpark;

/**
 * Runs lakehouse commands inside the test JVM, on its one SparkSession, keeping what they printed.
 */
final class InProcessLakehouse {
  static final Map<String, String> KEY = Map.of("LAKEHOUSE_PII_KEY", "operations-test-key");

  record Outcome(int exitStatus, String stdout, String stderr) {}

  private InProcessLakehouse() {}

  static Outcome run(String... arguments) {
    return run(Map.of(), arguments);
  }

  /** Runs a command with more environment variables than the PII key. */
  static Outcome run(Map<String, String> variables, String... arguments) {
    Map<String, String> environment = new HashMap<>(KEY);
    environment.putAll(variables);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int status =
        Main.execute(
            CommandEnvironment.sharing(TestSpark.session(), environment, console), arguments);
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
