package lakehouse.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.Versions;
import lakehouse.shared.testing.DataFrames;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden regression tier: each scenario under {@code golden-datasets/scenarios} runs, step by
 * step, through the command line's entry point on a fresh lake; every step must return its exit
 * status (and change exactly the tables it says), then every table and the run reports must hold
 * exactly the scenario's expected rows.
 *
 * <p>With {@code -Dgolden.update=true} (scripts/update-golden) it writes the expected files and the
 * manifest instead of comparing; the steps' exit statuses are still checked. {@code
 * -Dgolden.scenario=NAME} runs one scenario.
 */
class GoldenScenariosTest {
  private final SparkSession spark = TestSpark.session();
  private final boolean update = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> everyScenarioReproducesItsExpectedTables(@TempDir Path lakes) {
    assertThat(spark.conf().get("spark.sql.session.timeZone"))
        .as("expected timestamps are rendered in UTC; the session's time zone must be UTC")
        .isEqualTo("UTC");
    String only = System.getProperty("golden.scenario", "");
    List<Scenario> scenarios =
        Scenario.all(Path.of(System.getProperty("golden.scenarios", "scenarios"))).stream()
            .filter(scenario -> only.isEmpty() || scenario.name().equals(only))
            .toList();
    assertThat(scenarios)
        .as("no scenario found" + (only.isEmpty() ? "" : " named " + only))
        .isNotEmpty();
    return scenarios.stream()
        .map(
            scenario ->
                dynamicTest(
                    scenario.name(), () -> check(scenario, lakes.resolve(scenario.name()))));
  }

  private void check(Scenario scenario, Path lakeRoot) throws Exception {
    long started = System.nanoTime();
    List<StepOutcome> outcomes = new ScenarioRunner(spark).run(scenario, lakeRoot);
    for (StepOutcome outcome : outcomes) {
      System.out.printf(
          "golden scenario %s: `%s` exit %d, changed %s (%.1f s)%n%s",
          scenario.name(),
          outcome.step().describe(),
          outcome.exit(),
          outcome.tableChanges().keySet(),
          outcome.durationMs() / 1e3,
          outcome.output().indent(4));
    }
    String stepProblems =
        outcomes.stream()
            .map(StepOutcome::mismatch)
            .filter(m -> !m.isEmpty())
            .collect(Collectors.joining("\n"));
    if (!stepProblems.isEmpty()) {
      fail(
          "scenario "
              + scenario.name()
              + ": steps did not do what scenario.json says:\n"
              + stepProblems);
    }
    LakeLayout lake = new LakeLayout(lakeRoot.toString());
    ExpectedContents expected = new ExpectedContents(scenario.expected());
    if (update) {
      writeExpected(scenario, lake, expected);
    } else {
      compare(scenario, lake, expected);
    }
    System.out.printf(
        "golden scenario %s: %d steps, %s in %.1f s%n",
        scenario.name(),
        outcomes.size(),
        update ? "expected files written" : "every table as expected",
        (System.nanoTime() - started) / 1e9);
  }

  /** Compares every table, then fails once, naming each differing table with its differing rows. */
  private void compare(Scenario scenario, LakeLayout lake, ExpectedContents expected) {
    List<String> failures = new ArrayList<>();
    for (LakeContents contents : GoldenTables.ALL) {
      String where = "scenario " + scenario.name() + ", table " + contents.name();
      try {
        Dataset<Row> actual = contents.actual(spark, lake);
        StructType schema = contents.comparedSchema(spark);
        String columns = columnDifference(schema, actual.schema());
        if (!columns.isEmpty()) {
          failures.add(where + ": " + columns);
          continue;
        }
        actual = spark.createDataFrame(actual.javaRDD(), schema);
        Dataset<Row> wanted = expected.read(spark, contents, schema);
        try {
          DataFrames.assertSameRows(wanted, actual);
        } catch (AssertionError e) {
          failures.add(
              where
                  + ": "
                  + differingRows(contents, wanted, actual)
                  + "  spark-testing-base: "
                  + e.getMessage().strip()
                  + "\n");
        }
      } catch (AssertionError | RuntimeException e) {
        failures.add(where + ": " + e);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          String.join("\n\n", failures)
              + "\n\nIf the change is intended, run scripts/update-golden and review the diff it shows.");
    }
  }

  /** The rows of one side missing from the other, column by column where a key is on both sides. */
  private static String differingRows(
      LakeContents contents, Dataset<Row> expected, Dataset<Row> actual) {
    List<String> missing = contents.expectedLines(expected.exceptAll(actual));
    List<String> unexpected = contents.expectedLines(actual.exceptAll(expected));
    return "expected "
        + expected.count()
        + " rows, the lake has "
        + actual.count()
        + "\n"
        + RowDifferences.describe(contents.key(), missing, unexpected);
  }

  /**
   * Empty when both schemas have the same columns of the same types in the same order (nullability
   * aside).
   */
  private static String columnDifference(StructType expected, StructType actual) {
    List<String> wanted =
        Arrays.stream(expected.fields()).map(GoldenScenariosTest::describe).toList();
    List<String> found =
        Arrays.stream(CanonicalRows.nullable(actual).fields())
            .map(GoldenScenariosTest::describe)
            .toList();
    return wanted.equals(found)
        ? ""
        : "columns differ: expected " + wanted + ", the lake has " + found;
  }

  private static String describe(StructField field) {
    return field.name() + " " + field.dataType().simpleString();
  }

  private void writeExpected(Scenario scenario, LakeLayout lake, ExpectedContents expected)
      throws Exception {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (LakeContents contents : GoldenTables.ALL) {
      List<String> lines = contents.expectedLines(contents.actual(spark, lake));
      expected.write(contents, lines);
      rows.put(expected.file(contents).getFileName().toString(), lines.size());
    }
    expected.removeOthers(GoldenTables.ALL);
    GoldenManifest.write(
        scenario, spark.version(), Versions.current(spark.version()).delta(), rows);
  }
}
