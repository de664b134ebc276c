package lakehouse.chaos.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.chaos.Attacks;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.LakeReader;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.RecoveryCheck;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;

/**
 * The night on a real standalone cluster ({@code scripts/cluster.sh}: a master and a worker on
 * loopback, executors in their own JVMs) with speculation on, its executors killed with SIGKILL at
 * random moments while bronze and silver run. The worker starts new executors, Spark runs the lost
 * tasks again, and the night ends exactly as a local one: the tables equal the clean run's.
 */
public final class ExecutorKillScenario implements Scenario {
  private static final String EXECUTOR_CLASS = "CoarseGrainedExecutorBackend";
  private static final long MAX_WAIT_BETWEEN_KILLS_MS = 20_000;

  @Override
  public String name() {
    return "executor-kills";
  }

  @Override
  public ScenarioResult run(ChaosContext context) throws IOException {
    long started = System.nanoTime();
    int trials = context.trials(1, 5);
    int killsPerNight = context.size(2, 3);
    Path clusterDir = context.work().resolve("cluster");
    int masterPort = Attacks.freePort();
    Map<String, String> cluster =
        Map.of(
            "LAKEHOUSE_CLUSTER_DIR", clusterDir.toString(),
            "SPARK_MASTER_PORT", String.valueOf(masterPort),
            "SPARK_MASTER_WEBUI_PORT", String.valueOf(Attacks.freePort()),
            "SPARK_WORKER_CORES", "2",
            "SPARK_WORKER_MEMORY", "2g");
    Lakehouse lakehouse = context.lakehouse();
    lakehouse.startScript("scripts/cluster.sh", cluster, "start", "1").await().requireSuccess();
    List<Violation> violations = new ArrayList<>();
    List<String> saw = new ArrayList<>();
    long rowsLost = 0;
    int injected = 0;
    try {
      for (int trial = 0; trial < trials; trial++) {
        ChaosLake lake = context.fixture().startingLake(context.lakeFolder(name()));
        List<String> arguments =
            new ArrayList<>(
                List.of(
                    "--master", "spark://127.0.0.1:" + masterPort,
                    "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.speculation=true",
                    "--executor-memory", "1g"));
        arguments.addAll(List.of(context.fixture().secondNight(lake, null)));
        try (LakeReader reader = new LakeReader(context.invariants(), lake)) {
          Lakehouse.Command night = lakehouse.start(arguments.toArray(String[]::new));
          int killed = 0;
          while (killed < killsPerNight && night.isAlive() && !goldStarted(night)) {
            Attacks.sleep((long) (context.random().nextDouble() * MAX_WAIT_BETWEEN_KILLS_MS));
            List<ProcessHandle> executors = executors(clusterDir);
            if (!executors.isEmpty() && night.isAlive() && !goldStarted(night)) {
              executors.get(context.random().nextInt(executors.size())).destroyForcibly();
              killed++;
            }
          }
          injected += killed;
          Lakehouse.Outcome outcome = night.await();
          Lakehouse.Outcome recovery = outcome;
          if (!outcome.succeeded()) {
            recovery = lakehouse.run(context.fixture().secondNight(lake, null));
          }
          saw.add(
              killed
                  + " executors killed: exit "
                  + outcome.exitStatus()
                  + (outcome.succeeded() ? "" : " (" + outcome.errorLine() + ")"));
          RecoveryCheck.Found found = RecoveryCheck.after(context, reader, lake);
          violations.addAll(Attacks.withRecovery(found, recovery));
          if (!outcome.succeeded()) {
            violations.add(
                new Violation(
                    "night survives lost executors",
                    "exit " + outcome.exitStatus() + ": " + outcome.errorLine()));
          }
          rowsLost += found.rowsLost();
        }
      }
    } finally {
      lakehouse.startScript("scripts/cluster.sh", cluster, "stop").await();
    }
    return new ScenarioResult(
        name(),
        trials,
        injected,
        violations,
        rowsLost,
        Duration.ofNanos(System.nanoTime() - started),
        String.join("; ", saw));
  }

  /** Gold runs on the driver's decisions over small data; the kills aim at bronze and silver. */
  private static boolean goldStarted(Lakehouse.Command night) {
    return night.stdoutSoFar().lines().anyMatch(line -> line.startsWith("silver "));
  }

  /** This cluster's executor JVMs: their working folder is under the cluster's work dir. */
  private static List<ProcessHandle> executors(Path clusterDir) {
    return ProcessHandle.allProcesses()
        .filter(
            process ->
                process
                    .info()
                    .commandLine()
                    .map(line -> line.contains(EXECUTOR_CLASS))
                    .orElse(false))
        .filter(process -> workingIn(process, clusterDir))
        .toList();
  }

  private static boolean workingIn(ProcessHandle process, Path clusterDir) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd"))
          .startsWith(clusterDir);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
