package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import lakehouse.shared.config.WriterLeaseSettings;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lock.LakeWriterLease;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.testing.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake on S3: a real S3 API server (S3Proxy) on loopback, landing files generated into it and two
 * nightly runs through scripts/lakehouse, compared table by table with the same input run on local
 * disk. Ordered steps share the two lakes.
 */
@TestMethodOrder(OrderAnnotation.class)
class S3LakeIT {
  private static final String PII_KEY = "s3-integration-test-key";
  private static final List<String> DAYS = List.of("2026-11-20", "2026-11-21");
  private static final String[] GENERATE = {
    "--from",
    DAYS.get(0),
    "--days",
    "2",
    "--events-per-day",
    "2000",
    "--files-per-day",
    "4",
    "--seed",
    "7"
  };

  @TempDir static Path work;
  private static S3ProxyServer s3;
  private static LakeLayout s3Lake;
  private static LakeLayout localLake;
  private static Path conf;

  /** Everything the S3 commands printed, searched for credentials at the end. */
  private static final List<String> s3Output = new ArrayList<>();

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")), "lakehouse");
    s3.configure(TestSpark.session().sparkContext().hadoopConfiguration());
    s3Lake = new LakeLayout(s3.uri("lake"));
    localLake = new LakeLayout(work.resolve("local-lake").toString());
    conf = s3.confFile();
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void generateWritesTheSameLandingFilesToS3AsToLocalDisk() throws Exception {
    LakehouseProcess.Outcome onS3 =
        s3Command("generate", "--out", s3Lake.root(), "--conf", conf.toString());
    assertThat(onS3.exitStatus()).as(onS3.all()).isZero();
    LakehouseProcess.Outcome local =
        LakehouseProcess.run(
            Map.of(), concat(new String[] {"generate", "--out", localLake.root()}, GENERATE));
    assertThat(local.exitStatus()).as(local.all()).isZero();

    Path landing = Path.of(localLake.landingEvents());
    List<Path> localFiles = files(landing);
    assertThat(localFiles).as(localFiles.toString()).hasSize(8);
    Path s3Landing = s3.bucketDirectory().resolve("lake/landing/ad_events");
    assertThat(files(s3Landing).stream().map(s3Landing::relativize).toList())
        .as("the same files, and no temporary ones")
        .isEqualTo(localFiles.stream().map(landing::relativize).toList());
    for (Path file : localFiles) {
      assertThat(Files.readAllBytes(s3Landing.resolve(landing.relativize(file))))
          .as("differs on S3: " + file)
          .containsExactly(Files.readAllBytes(file));
    }
  }

  @Test
  @Order(2)
  @DisplayName("a second writer is refused while another application holds the lake")
  void aSecondWriterIsRefusedWhileTheLakeIsHeld() throws Exception {
    WriterLeaseSettings lease =
        new WriterLeaseSettings(true, Duration.ofMinutes(2), Duration.ZERO, Duration.ofSeconds(1));
    try (LakeWriterLease other =
        LakeWriterLease.acquire(
            s3Lake,
            TestSpark.session().sparkContext().hadoopConfiguration(),
            lease,
            "other-cluster-run",
            Clock.systemUTC(),
            new IgnoringListener())) {
      LakehouseProcess.Outcome refused =
          s3Command(
              "run",
              "--date",
              DAYS.get(0),
              "--lake",
              s3Lake.root(),
              "--conf",
              conf.toString(),
              "--set",
              "writer-lease.wait=5s");
      assertThat(refused.exitStatus()).as(refused.all()).isEqualTo(1);
      assertThat(refused.stdout()).contains("waiting up to 5s");
      List<String> errors = refused.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
      assertThat(errors).as(refused.stderr()).hasSize(1);
      assertThat(errors.get(0)).contains("other-cluster-run");
      assertThat(refused.stderr())
          .as("no stack trace for a refusal: " + refused.stderr())
          .doesNotContain("\tat ");
      assertThat(other.isHeld()).isTrue();
    }
    assertThat(s3.bucketDirectory().resolve("lake/bronze"))
        .as("the refused run wrote nothing")
        .doesNotExist();
    assertThat(s3.bucketDirectory().resolve("lake/" + LakeWriterLease.RELATIVE_PATH))
        .as("released")
        .doesNotExist();
  }

  @Test
  @Order(3)
  void nightlyRunsOnS3GiveTheSameTablesAsOnLocalDisk() throws Exception {
    for (String day : DAYS) {
      CompletableFuture<LakehouseProcess.Outcome> onS3 =
          startS3Command(
              "run",
              "--date",
              day,
              "--lake",
              s3Lake.root(),
              "--conf",
              conf.toString(),
              "--run-id",
              "nightly-" + day);
      assertThat(
              Main.execute(
                  CommandEnvironment.sharing(
                      TestSpark.session(), Map.of("LAKEHOUSE_PII_KEY", PII_KEY), Console.system()),
                  "run",
                  "--date",
                  day,
                  "--lake",
                  localLake.root(),
                  "--run-id",
                  "nightly-" + day))
          .isZero();
      LakehouseProcess.Outcome s3Run = finished(onS3);
      assertThat(s3Run.exitStatus()).as(s3Run.all()).isZero();
      assertThat(s3Run.stdout()).contains("gold    " + day + ": promoted");
    }
    LakeTables.assertSame(localLake, s3Lake);
    for (String day : DAYS) {
      JsonNode report =
          RunReportWriter.parse(
              Files.readString(
                  s3.bucketDirectory().resolve("lake/_runs/nightly-" + day + ".json")));
      assertThat(report.get("status").asText()).isEqualTo("succeeded");
      assertThat(report.get("lake").asText()).as(report.toString()).isEqualTo(s3Lake.root());
    }
    assertThat(s3.bucketDirectory().resolve("lake/" + LakeWriterLease.RELATIVE_PATH))
        .as("each run released the lake")
        .doesNotExist();
  }

  @Test
  @Order(4)
  @DisplayName("no credential reaches the output, the reports or any other file of the lake")
  void noCredentialReachesTheOutputOrTheLake() throws Exception {
    assertThat(s3Output).isNotEmpty();
    for (String secret : List.of(s3.accessKey(), s3.secretKey())) {
      for (String output : s3Output) {
        assertThat(output)
            .as("a credential in the output of a command: " + output)
            .doesNotContain(secret);
      }
      for (Path file : files(s3.bucketDirectory())) {
        if (!file.toString().endsWith(".parquet") && !file.toString().endsWith(".avro")) {
          assertThat(Files.readString(file)).as("a credential in " + file).doesNotContain(secret);
        }
      }
    }
    assertThat(files(s3.bucketDirectory().resolve("lake/_runs"))).hasSizeGreaterThanOrEqualTo(2);
  }

  /**
   * Runs a command against the S3 lake with the server's credentials in the environment, as a user
   * would.
   */
  private static LakehouseProcess.Outcome s3Command(String... arguments) throws Exception {
    return finished(startS3Command(arguments));
  }

  /** Starts such a command; the test's own Spark work may run meanwhile. */
  private static CompletableFuture<LakehouseProcess.Outcome> startS3Command(String... arguments) {
    Map<String, String> environment = new HashMap<>(s3.credentialsEnvironment());
    environment.put("LAKEHOUSE_PII_KEY", PII_KEY);
    String[] all = arguments[0].equals("generate") ? concat(arguments, GENERATE) : arguments;
    return LakehouseProcess.start(environment, all);
  }

  /** Waits for a command and keeps what it printed, for the credential check. */
  private static LakehouseProcess.Outcome finished(
      CompletableFuture<LakehouseProcess.Outcome> command) throws Exception {
    LakehouseProcess.Outcome outcome = command.get();
    s3Output.add(outcome.all());
    System.out.println(outcome.stdout());
    return outcome;
  }

  private static String[] concat(String[] first, String[] second) {
    return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
  }

  private static List<Path> files(Path under) throws IOException {
    try (Stream<Path> files = Files.walk(under)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The other application of the refusal test: it only holds the lease. */
  private static final class IgnoringListener implements LakeWriterLease.Listener {
    @Override
    public void waiting(String heldBy, Duration upTo) {}

    @Override
    public void lost(String reason) {}
  }
}
