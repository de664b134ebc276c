package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.RunReportWriter;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estimate}: a night of another size, projected from measured run reports. */
class EstimateCommandTest {
  /** A night of 1,000 events on 2 cores: bronze 1 s, silver 2 s. */
  private static final String REPORT =
      """
      {"run_id": "night-1", "command": "run", "status": "succeeded", "started_at": "2026-11-02T01:00:00Z",
       "cost": {"cores": 2, "nights": 1, "events": 1000,
        "layers": {
         "bronze": {"duration_ms": 1000, "read": {"files": 2, "bytes": 50000, "records": 0},
                    "written": {"files": 4, "bytes": 100000, "records": 1000}, "delta_commits": 1},
         "silver": {"duration_ms": 2000, "read": {"files": 10, "bytes": 1, "records": 1},
                    "written": {"files": 8, "bytes": 200000, "records": 1}, "delta_commits": 5}}}}
      """;

  @TempDir Path folder;

  private Path report(String name, String json) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, json);
    return file;
  }

  @Test
  @DisplayName("storage, duration and requests grow from the measured night's rates")
  void projectsFromAReport() throws IOException {
    InProcessLakehouse.Outcome estimate =
        InProcessLakehouse.run(
            "estimate",
            "--events-per-day",
            "1000000",
            "--days-retained",
            "10",
            "--cores",
            "4",
            "--from-report",
            report("night-1.json", REPORT).toString(),
            "--json");
    assertThat(estimate.exitStatus()).as(estimate.stderr()).isZero();
    JsonNode json = RunReportWriter.parse(estimate.stdout());

    JsonNode bronze = json.at("/layers/0");
    assertThat(bronze.get("name").asText()).isEqualTo("bronze");
    assertThat(bronze.get("stored_bytes").asLong()).isEqualTo(1_000_000_000L);
    assertThat(bronze.get("files_written").asLong()).isEqualTo(4000);
    assertThat(bronze.get("seconds").asDouble())
        .as("500 events per core-second on 4 cores")
        .isEqualTo(500.0);
    assertThat(bronze.at("/requests/get").asLong()).isEqualTo(2001);
    assertThat(bronze.at("/requests/head").asLong()).isEqualTo(2000);
    assertThat(bronze.at("/requests/put").asLong()).isEqualTo(4001);
    assertThat(bronze.at("/requests/list").asLong()).isEqualTo(1);

    JsonNode silver = json.at("/layers/1");
    assertThat(silver.get("stored_bytes").asLong()).isEqualTo(2_000_000_000L);
    assertThat(silver.get("seconds").asDouble()).isEqualTo(1000.0);
    assertThat(silver.at("/requests/total").asLong()).isEqualTo(10005 + 10000 + 8005 + 5);

    assertThat(json.get("landing_stored_bytes").asLong()).isEqualTo(500_000_000L);
    assertThat(json.get("stored_bytes").asLong()).isEqualTo(3_500_000_000L);
    assertThat(json.get("seconds").asDouble()).isEqualTo(1500.0);
    assertThat(json.get("cores").asInt()).isEqualTo(4);
  }

  @Test
  void printsATableOnTheMeasuredCoresByDefault() throws IOException {
    InProcessLakehouse.Outcome estimate =
        InProcessLakehouse.run(
            "estimate",
            "--events-per-day",
            "1000000",
            "--from-report",
            report("night-1.json", REPORT).toString());
    assertThat(estimate.exitStatus()).as(estimate.stderr()).isZero();
    assertThat(estimate.stderr()).isEmpty();
    assertThat(estimate.stdout())
        .contains("estimate: 1,000,000 events a day, 30 days retained, 2 cores")
        .contains("measured: 1 nights, 1,000 events, on 2 cores");
    assertThat(estimate.stdout().lines())
        .anyMatch(line -> line.startsWith("bronze ") && line.contains("16.7 min"))
        .anyMatch(line -> line.startsWith("silver "))
        .anyMatch(line -> line.startsWith("total "));
  }

  @Test
  @DisplayName("the lake's latest nightly reports, or the documented defaults when it has none")
  void measuresFromTheLakeOrFallsBackToDefaults() throws IOException {
    Path lake = folder.resolve("lake");
    InProcessLakehouse.Outcome empty =
        InProcessLakehouse.run(
            "estimate", "--events-per-day", "1000000", "--lake", lake.toString(), "--json");
    assertThat(empty.exitStatus()).as(empty.stderr()).isZero();
    assertThat(RunReportWriter.parse(empty.stdout()).at("/measured/source").asText())
        .startsWith("defaults measured");

    Path runs = Files.createDirectories(lake.resolve("_runs"));
    Files.writeString(runs.resolve("night-1.json"), REPORT);
    Files.writeString(runs.resolve("night-0.json"), REPORT.replace("\"succeeded\"", "\"failed\""));
    Files.writeString(runs.resolve("generate-1.json"), REPORT.replace("\"run\"", "\"generate\""));
    Files.writeString(runs.resolve("night-1.log"), "not a report");
    InProcessLakehouse.Outcome measured =
        InProcessLakehouse.run(
            "estimate", "--events-per-day", "1000000", "--lake", lake.toString(), "--json");
    assertThat(measured.exitStatus()).as(measured.stderr()).isZero();
    JsonNode json = RunReportWriter.parse(measured.stdout());
    assertThat(json.at("/measured/source").asText()).startsWith("1 run reports in ");
    assertThat(json.at("/measured/events").asLong()).isEqualTo(1000);
  }

  @Test
  void badOptionsExitTwoWithOneLineNamingThem() throws IOException {
    assertUsageError("--events-per-day", "estimate", "--events-per-day", "0");
    assertUsageError("--events-per-day", "estimate", "--events-per-day", "many");
    assertUsageError("--events-per-day", "estimate");
    assertUsageError("--cores", "estimate", "--events-per-day", "10", "--cores", "-2");
    assertUsageError(
        "--days-retained", "estimate", "--events-per-day", "10", "--days-retained", "0");
    assertUsageError(
        "--from-report",
        "estimate",
        "--events-per-day",
        "10",
        "--from-report",
        folder.resolve("missing.json").toString());
    assertUsageError(
        "--from-report",
        "estimate",
        "--events-per-day",
        "10",
        "--from-report",
        report("generate.json", "{\"command\": \"generate\", \"status\": \"succeeded\"}")
            .toString());
  }

  private static void assertUsageError(String named, String... arguments) {
    InProcessLakehouse.Outcome outcome = InProcessLakehouse.run(arguments);
    assertThat(outcome.exitStatus()).as(outcome.stderr()).isEqualTo(2);
    assertThat(outcome.stderr().lines()).as(outcome.stderr()).hasSize(1);
    assertThat(outcome.stderr()).startsWith("error: ").contains(named);
    assertThat(outcome.stdout()).isEmpty();
  }

  @Test
  @DisplayName("--verbose, before the command or after it, brings log lines back to the console")
  void verboseIsAGlobalOption() throws IOException {
    String report = report("night-1.json", REPORT).toString();
    String[] estimate = {"estimate", "--events-per-day", "10", "--from-report", report};
    assertThat(consoleVerbosity(estimate)).containsExactly(false);
    List<String> before = new ArrayList<>(List.of("--verbose"));
    before.addAll(List.of(estimate));
    assertThat(consoleVerbosity(before.toArray(String[]::new))).containsExactly(true);
    List<String> after = new ArrayList<>(List.of(estimate));
    after.add("--verbose");
    assertThat(consoleVerbosity(after.toArray(String[]::new))).containsExactly(true);
  }

  /** What the command told its log lines about the console. */
  private static List<Boolean> consoleVerbosity(String... arguments) {
    List<Boolean> told = new ArrayList<>();
    LogLines recording =
        new LogLines() {
          @Override
          public void console(boolean verbose) {
            told.add(verbose);
          }

          @Override
          public RunLog startRun(LakeLayout lake, String runId) {
            return LogLines.UNCHANGED.startRun(lake, runId);
          }

          @Override
          public String whereStackTracesGo() {
            return "nowhere";
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    CommandEnvironment.SparkSessions noSpark =
        new CommandEnvironment.SparkSessions() {
          @Override
          public SparkSession open(String appName, Map<String, String> settings) {
            throw new AssertionError("estimate starts no Spark");
          }

          @Override
          public void close(SparkSession session) {}
        };
    int status =
        Main.execute(
            new CommandEnvironment(console, Map.of(), Clock.systemUTC(), noSpark, recording),
            arguments);
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    return told;
  }
}
