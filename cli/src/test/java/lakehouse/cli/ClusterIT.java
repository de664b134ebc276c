package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import lakehouse.generate.GeneratorRates;
import lakehouse.generate.GeneratorSpec;
import lakehouse.generate.LandingGenerator;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.testing.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone Spark cluster from the build's Spark runtime (scripts/cluster.sh: a master and
 * a worker on loopback, executors in their own JVMs), the nightly run submitted to it through
 * scripts/lakehouse, and its tables compared with a local run of the same input.
 */
class ClusterIT {
  private static final String PII_KEY = "cluster-integration-test-key";
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  @TempDir static Path work;
  private static Map<String, String> clusterEnvironment;
  private static String masterUrl;

  @BeforeAll
  static void startCluster() throws Exception {
    int masterPort = S3ProxyServer.freePort();
    clusterEnvironment =
        Map.of(
            "LAKEHOUSE_CLUSTER_DIR",
            work.resolve("cluster").toString(),
            "SPARK_MASTER_PORT",
            String.valueOf(masterPort),
            "SPARK_MASTER_WEBUI_PORT",
            String.valueOf(S3ProxyServer.freePort()),
            "SPARK_WORKER_CORES",
            "2",
            "SPARK_WORKER_MEMORY",
            "2g");
    masterUrl = "spark://127.0.0.1:" + masterPort;
    LakehouseProcess.Outcome started =
        LakehouseProcess.script("scripts/cluster.sh", clusterEnvironment, "start", "1");
    assertThat(started.exitStatus()).as(started.all()).isZero();
    assertThat(started.stdout()).contains("cluster up: " + masterUrl);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    LakehouseProcess.Outcome stopped =
        LakehouseProcess.script("scripts/cluster.sh", clusterEnvironment, "stop");
    assertThat(stopped.exitStatus()).as(stopped.all()).isZero();
  }

  @Test
  @DisplayName(
      "the nightly run submitted to a standalone cluster gives the same tables as a local run")
  void aClusterRunGivesTheSameTablesAsALocalRun() throws Exception {
    LakeLayout clusterLake = generatedLake("cluster-lake");
    LakeLayout localLake = generatedLake("local-lake");

    CompletableFuture<LakehouseProcess.Outcome> submitted =
        LakehouseProcess.start(
            Map.of("LAKEHOUSE_PII_KEY", PII_KEY),
            "--master",
            masterUrl,
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--executor-memory",
            "1g",
            "run",
            "--date",
            DAY.toString(),
            "--lake",
            clusterLake.root(),
            "--run-id",
            "nightly-on-cluster");
    assertThat(
            Main.execute(
                CommandEnvironment.sharing(
                    TestSpark.session(), Map.of("LAKEHOUSE_PII_KEY", PII_KEY), Console.system()),
                "run",
                "--date",
                DAY.toString(),
                "--lake",
                localLake.root(),
                "--run-id",
                "nightly-on-cluster"))
        .isZero();

    LakehouseProcess.Outcome onCluster = submitted.get();
    System.out.println(onCluster.stdout());
    assertThat(onCluster.exitStatus()).as(onCluster.all()).isZero();
    assertExecutorsRanInTheirOwnJvms();
    LakeTables.assertSame(localLake, clusterLake);
  }

  /**
   * The worker started the application's executors as separate JVMs, each with its folder in the
   * work dir.
   */
  private static void assertExecutorsRanInTheirOwnJvms() throws IOException {
    Path workDir = work.resolve("cluster/work-1");
    List<Path> executorLogs;
    try (Stream<Path> files = Files.walk(workDir)) {
      executorLogs = files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
    }
    assertThat(executorLogs).as("no executor ran in " + workDir).isNotEmpty();
    String log = Files.readString(executorLogs.get(0));
    assertThat(log).contains("Spark Executor Command", "CoarseGrainedExecutorBackend");
    assertThat(log)
        .as("executors get Java 17's flags: " + log)
        .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
  }

  private static LakeLayout generatedLake(String name) throws IOException {
    Path lake = work.resolve(name);
    GeneratorSpec spec =
        new GeneratorSpec(DAY, 1, 2000, 11, GeneratorRates.defaults(), false, false, 4);
    new LandingGenerator().generate(lake, spec);
    return new LakeLayout(lake.toString());
  }
}
