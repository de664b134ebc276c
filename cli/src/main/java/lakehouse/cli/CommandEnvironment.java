package lakehouse.cli;

import java.time.Clock;
import java.util.Map;
import lakehouse.shared.spark.LakehouseSession;
import org.apache.spark.sql.SparkSession;

/**
 * What a command takes from the world around it: where it speaks, the process environment (for the
 * PII key), the clock, how it gets its SparkSession, and where log lines go. spark-submit runs use
 * {@link #system()}; tests that run commands in their own JVM pass their one SparkSession instead,
 * and keep their own logging.
 */
public record CommandEnvironment(
    Console console,
    Map<String, String> variables,
    Clock clock,
    SparkSessions sessions,
    LogLines logs) {

  /** Opens the SparkSession of a command and closes it when the command is done. */
  public interface SparkSessions {
    SparkSession open(String appName, Map<String, String> settings);

    void close(SparkSession session);
  }

  public static CommandEnvironment system() {
    return new CommandEnvironment(
        Console.system(),
        System.getenv(),
        Clock.systemUTC(),
        new SparkSessions() {
          @Override
          public SparkSession open(String appName, Map<String, String> settings) {
            SparkSession spark = LakehouseSession.builder(appName, settings).getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            return spark;
          }

          @Override
          public void close(SparkSession session) {
            session.stop();
          }
        },
        new Log4jLogLines());
  }

  /**
   * For commands run inside a JVM that owns its SparkSession (tests): the session is shared, never
   * stopped.
   */
  public static CommandEnvironment sharing(
      SparkSession session, Map<String, String> variables, Console console) {
    return new CommandEnvironment(
        console,
        variables,
        Clock.systemUTC(),
        new SparkSessions() {
          @Override
          public SparkSession open(String appName, Map<String, String> settings) {
            return session;
          }

          @Override
          public void close(SparkSession ignored) {}
        },
        LogLines.UNCHANGED);
  }
}
