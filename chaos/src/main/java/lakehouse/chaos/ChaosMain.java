package lakehouse.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lakehouse.chaos.scenario.AmbiguousCommitScenario;
import lakehouse.chaos.scenario.ConcurrentRunsScenario;
import lakehouse.chaos.scenario.ExecutorKillScenario;
import lakehouse.chaos.scenario.HistoryBoundsScenario;
import lakehouse.chaos.scenario.RedisOutageScenario;
import lakehouse.chaos.scenario.S3OutageScenario;
import lakehouse.chaos.scenario.SigkillScenario;
import lakehouse.chaos.scenario.StorageFaultsScenario;
import lakehouse.chaos.scenario.VacuumUnderReaderScenario;
import lakehouse.shared.spark.SmallData;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/chaos.sh [--quick] [--scenarios a,b] [--seed S] [--work DIR]}: builds the clean
 * lakes once, runs each scenario against its own copy, prints one line per scenario and the table
 * of docs/RELIABILITY.md, and exits 1 if any guarantee was broken.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = "Attacks lakes while they are written and checks the contract's guarantees.")
public final class ChaosMain implements Callable<Integer> {
  private static final LocalDate FIRST_DATE = LocalDate.parse("2026-11-01");

  @Option(names = "--quick", description = "the small version of every scenario (CI)")
  boolean quick;

  @Option(
      names = "--scenarios",
      split = ",",
      description = "the scenarios to run, by name; all by default")
  List<String> only = new ArrayList<>();

  @Option(names = "--seed", description = "seeds the landing files and every random choice")
  long seed = 20261202L;

  @Option(names = "--events-per-day", description = "landing events per ingest date")
  int eventsPerDay = 2000;

  @Option(
      names = "--parallel",
      description = "scenarios run at once, each with its own lakes; one by default")
  int parallel = 1;

  @Option(
      names = "--trials",
      description =
          "trials of each scenario (kills, nights, rounds) instead of its quick or full count: a full"
              + " run in pieces, each with its own seed")
  int trials;

  @Option(names = "--work", required = true, description = "folder for the lakes and outputs")
  Path work;

  @Option(names = "--project", required = true, description = "the project (scripts/lakehouse)")
  Path project;

  /**
   * Every scenario, in the order a run takes them: the longest first (as the quick run measures
   * them), so that lanes taking the next scenario as they free up end at about the same time. In
   * the other order the quick run's second lane went on alone for five minutes after the first.
   */
  static List<Scenario> scenarios() {
    return List.of(
        new SigkillScenario(),
        new S3OutageScenario(),
        new HistoryBoundsScenario(),
        new StorageFaultsScenario(),
        new AmbiguousCommitScenario(),
        new ConcurrentRunsScenario(),
        new ExecutorKillScenario(),
        new VacuumUnderReaderScenario(),
        new RedisOutageScenario());
  }

  public static void main(String[] arguments) {
    // The first argument is the name scripts/lakehouse was given ("chaos"); the options follow.
    String[] options =
        arguments.length > 0 && !arguments[0].startsWith("-")
            ? java.util.Arrays.copyOfRange(arguments, 1, arguments.length)
            : arguments;
    System.exit(new CommandLine(new ChaosMain()).execute(options));
  }

  @Override
  public Integer call() throws Exception {
    Map<String, Scenario> selected = new LinkedHashMap<>();
    for (Scenario scenario : scenarios()) {
      if (only.isEmpty() || only.contains(scenario.name())) {
        selected.put(scenario.name(), scenario);
      }
    }
    for (String name : only) {
      if (scenarios().stream().noneMatch(scenario -> scenario.name().equals(name))) {
        System.err.println("error: --scenarios: no scenario " + name);
        return 2;
      }
    }
    if (trials < 0) {
      System.err.println("error: --trials: " + trials + " is not a count of trials");
      return 2;
    }
    Files.createDirectories(work);
    Lakehouse lakehouse = new Lakehouse(project, work.resolve("outputs"), childEnvironment());
    SparkSession spark = readerSession();
    long started = System.nanoTime();
    System.out.println(
        "chaos: "
            + (quick ? "quick" : "full")
            + " run"
            + (trials > 0 ? ", " + trials + " trials of each scenario" : "")
            + ", seed "
            + seed
            + ", work "
            + work);
    ChaosFixture fixture = ChaosFixture.build(lakehouse, work, FIRST_DATE, eventsPerDay, seed);
    System.out.printf(
        "chaos: clean lakes built; an undisturbed night takes %d s%n",
        fixture.secondNight().toSeconds());
    ExecutorService lanes = Executors.newFixedThreadPool(parallel);
    CompletionService<ScenarioResult> finished = new ExecutorCompletionService<>(lanes);
    for (Scenario scenario : selected.values()) {
      // Each scenario draws from its own seeded source, so lanes do not change what it draws.
      ChaosContext context =
          new ChaosContext(
              lakehouse,
              spark,
              fixture,
              work,
              new Random(seed ^ scenario.name().hashCode()),
              quick,
              trials);
      finished.submit(() -> runOne(scenario, context));
    }
    // Each line as its scenario ends, and the table rewritten with it: a long run stopped early
    // still leaves the figures of what it finished.
    List<String> order = new ArrayList<>(selected.keySet());
    List<ScenarioResult> results = new ArrayList<>();
    for (int done = 0; done < selected.size(); done++) {
      ScenarioResult result = finished.take().get();
      results.add(result);
      results.sort(Comparator.comparingInt(r -> order.indexOf(r.scenario())));
      System.out.println(result.line());
      result.violations().forEach(violation -> System.out.println("  violation: " + violation));
      writeTable(results, (System.nanoTime() - started) / 1_000_000_000L);
    }
    lanes.shutdown();
    boolean passed = results.stream().allMatch(ScenarioResult::passed);
    System.out.println(
        "chaos: "
            + (passed ? "no invariant violated" : "INVARIANTS VIOLATED")
            + "; table in "
            + work.resolve("chaos-results.md"));
    spark.stop();
    return passed ? 0 : 1;
  }

  /**
   * A scenario that could not go on (a command nothing attacked failed, a server did not start) is
   * a result with that failure as its violation, and the other scenarios still run.
   */
  private static ScenarioResult runOne(Scenario scenario, ChaosContext context) {
    long started = System.nanoTime();
    try {
      return scenario.run(context);
    } catch (Exception | Error e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return new ScenarioResult(
          scenario.name(),
          0,
          0,
          List.of(
              new Violation("scenario completes", e.getClass().getSimpleName() + ": " + message)),
          0,
          java.time.Duration.ofNanos(System.nanoTime() - started),
          "did not complete");
    }
  }

  private void writeTable(List<ScenarioResult> results, long seconds) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "| scenario | trials | failures injected | invariant violations | rows lost | time | what the user saw |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- |");
    results.forEach(result -> lines.add(result.markdownRow()));
    lines.add("");
    lines.add(
        (quick ? "Quick" : "Full")
            + " run, seed "
            + seed
            + ", "
            + eventsPerDay
            + " events per day, "
            + seconds
            + " s in all.");
    Files.write(work.resolve("chaos-results.md"), lines, StandardCharsets.UTF_8);
  }

  /**
   * The attacked commands: a PII key of their own, and scripts/lakehouse sized for tiny days (two
   * shuffle partitions, a small driver, the quick JIT, Spark's interpreter: {@link SmallData}) as
   * the project's tests size it; no setting changes a result.
   */
  private static Map<String, String> childEnvironment() {
    return Map.of(
        "LAKEHOUSE_PII_KEY", "chaos-pii-key",
        "LAKEHOUSE_DRIVER_MEMORY", "2g",
        "LAKEHOUSE_SUBMIT_OPTS",
            "--conf spark.databricks.delta.snapshotPartitions=2 --conf spark.sql.shuffle.partitions=2 "
                + SmallData.submitOptions(),
        "LAKEHOUSE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  /**
   * The readers' session, shared by the scenarios of every lane. Four task slots, though the work
   * is light: the long reader of vacuum-under-reader holds some of them while it waits for cleanup,
   * and the other lane's reader must not wait behind it.
   */
  private static SparkSession readerSession() {
    SparkSession.Builder builder = SparkSession.builder();
    SmallData.SETTINGS.forEach(builder::config);
    return builder
        .master("local[4]")
        .appName("lakehouse-chaos-reader")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.databricks.delta.snapshotPartitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
  }
}
