package lakehouse.golden;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.cli.CommandEnvironment;
import lakehouse.cli.Console;
import lakehouse.cli.Main;
import lakehouse.shared.lake.LakeLayout;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a scenario's steps, in order, on one lake through the command line's entry point, in this
 * JVM and its one SparkSession, as a user would run them one after the other.
 */
public final class ScenarioRunner {
  /** The lake's secret key for personal-data tokens: fixed, so the expected tokens are too. */
  public static final Map<String, String> ENVIRONMENT = Map.of("LAKEHOUSE_PII_KEY", "golden-key");

  private final SparkSession spark;

  public ScenarioRunner(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Runs every step, even after one that did not do what the scenario says, so one failure shows
   * them all.
   */
  public List<StepOutcome> run(Scenario scenario, Path lakeRoot) throws IOException {
    LakeLayout lake = new LakeLayout(lakeRoot.toString());
    List<StepOutcome> outcomes = new ArrayList<>();
    for (ScenarioStep step : scenario.steps()) {
      long started = System.nanoTime();
      LakeTableVersions before = LakeTableVersions.of(lakeRoot, GoldenTables.tablePaths(lake));
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int exit;
      if (step.isLanding()) {
        List<String> files =
            new HandMadeLanding(lake).deliver(scenario.directory().resolve(step.land()));
        output.writeBytes(("delivered " + files + "\n").getBytes(StandardCharsets.UTF_8));
        exit = 0;
      } else {
        exit = execute(step, lakeRoot, output);
      }
      outcomes.add(
          new StepOutcome(
              step,
              exit,
              output.toString(StandardCharsets.UTF_8),
              before.changesTo(LakeTableVersions.of(lakeRoot, GoldenTables.tablePaths(lake))),
              (System.nanoTime() - started) / 1_000_000));
    }
    return outcomes;
  }

  private int execute(ScenarioStep step, Path lakeRoot, ByteArrayOutputStream output) {
    List<String> arguments = new ArrayList<>(step.lakehouse());
    arguments.add(step.command().equals("generate") ? "--out" : "--lake");
    arguments.add(lakeRoot.toString());
    try (PrintStream console = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      CommandEnvironment environment =
          CommandEnvironment.sharing(spark, ENVIRONMENT, new Console(console, console));
      return Main.execute(environment, arguments.toArray(String[]::new));
    }
  }
}
