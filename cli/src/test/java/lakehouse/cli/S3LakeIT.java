package lakehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  private static final String[] GENERATE = {"--from", DAYS.get(0), "--days", "2", "--events-per-day", "2000",
      "--files-per-day", "4", "--seed", "7"};

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
    LakehouseProcess.Outcome onS3 = s3Command("generate", "--out", s3Lake.root(), "--conf", conf.toString());
    assertEquals(0, onS3.exitStatus(), onS3.all());
    LakehouseProcess.Outcome local = LakehouseProcess.run(Map.of(),
        concat(new String[] {"generate", "--out", localLake.root()}, GENERATE));
    assertEquals(0, local.exitStatus(), local.all());

    Path landing = Path.of(localLake.landingEvents());
    List<Path> localFiles = files(landing);
    assertEquals(8, localFiles.size(), localFiles.toString());
    Path s3Landing = s3.bucketDirectory().resolve("lake/landing/ad_events");
    assertEquals(localFiles.stream().map(landing::relativize).toList(),
        files(s3Landing).stream().map(s3Landing::relativize).toList(), "the same files, and no temporary ones");
    for (Path file : localFiles) {
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(file),
          Files.readAllBytes(s3Landing.resolve(landing.relativize(file)))), "differs on S3: " + file);
    }
  }

  @Test
  @Order(2)
  void aSecondWriterIsRefusedWhileAnotherApplicationHoldsTheLake() throws Exception {
    WriterLeaseSettings lease = new WriterLeaseSettings(true, Duration.ofMinutes(2), Duration.ZERO, Duration.ofSeconds(1));
    try (LakeWriterLease other = LakeWriterLease.acquire(s3Lake, TestSpark.session().sparkContext().hadoopConfiguration(),
        lease, "other-cluster-run", Clock.systemUTC(), new IgnoringListener())) {
      LakehouseProcess.Outcome refused = s3Command("run", "--date", DAYS.get(0), "--lake", s3Lake.root(),
          "--conf", conf.toString(), "--set", "writer-lease.wait=5s");
      assertEquals(1, refused.exitStatus(), refused.all());
      assertTrue(refused.stdout().contains("waiting up to 5s"), refused.stdout());
      List<String> errors = refused.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
      assertEquals(1, errors.size(), refused.stderr());
      assertTrue(errors.get(0).contains("other-cluster-run"), errors.get(0));
      assertFalse(refused.stderr().contains("\tat "), "no stack trace for a refusal: " + refused.stderr());
      assertTrue(other.isHeld());
    }
    assertFalse(Files.exists(s3.bucketDirectory().resolve("lake/bronze")), "the refused run wrote nothing");
    assertFalse(Files.exists(s3.bucketDirectory().resolve("lake/" + LakeWriterLease.RELATIVE_PATH)), "released");
  }

  @Test
  @Order(3)
  void nightlyRunsOnS3GiveTheSameTablesAsOnLocalDisk() throws Exception {
    for (String day : DAYS) {
      CompletableFuture<LakehouseProcess.Outcome> onS3 = startS3Command("run", "--date", day, "--lake", s3Lake.root(),
          "--conf", conf.toString(), "--run-id", "nightly-" + day);
      assertEquals(0, Main.execute(CommandEnvironment.sharing(TestSpark.session(), Map.of("LAKEHOUSE_PII_KEY", PII_KEY),
          Console.system()), "run", "--date", day, "--lake", localLake.root(), "--run-id", "nightly-" + day));
      LakehouseProcess.Outcome s3Run = finished(onS3);
      assertEquals(0, s3Run.exitStatus(), s3Run.all());
      assertTrue(s3Run.stdout().contains("gold    " + day + ": promoted"), s3Run.stdout());
    }
    LakeTables.assertSame(localLake, s3Lake);
    for (String day : DAYS) {
      JsonNode report = RunReportWriter.parse(Files.readString(
          s3.bucketDirectory().resolve("lake/_runs/nightly-" + day + ".json")));
      assertEquals("succeeded", report.get("status").asText());
      assertEquals(s3Lake.root(), report.get("lake").asText(), report.toString());
    }
    assertFalse(Files.exists(s3.bucketDirectory().resolve("lake/" + LakeWriterLease.RELATIVE_PATH)),
        "each run released the lake");
  }

  @Test
  @Order(4)
  void noCredentialReachesTheOutputReportsOrAnyOtherFileOfTheLake() throws Exception {
    assertFalse(s3Output.isEmpty());
    for (String secret : List.of(s3.accessKey(), s3.secretKey())) {
      for (String output : s3Output) {
        assertFalse(output.contains(secret), "a credential in the output of a command: " + output);
      }
      for (Path file : files(s3.bucketDirectory())) {
        if (!file.toString().endsWith(".parquet") && !file.toString().endsWith(".avro")) {
          assertFalse(Files.readString(file).contains(secret), "a credential in " + file);
        }
      }
    }
    assertTrue(files(s3.bucketDirectory().resolve("lake/_runs")).size() >= 2);
  }

  /** Runs a command against the S3 lake with the server's credentials in the environment, as a user would. */
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
  private static LakehouseProcess.Outcome finished(CompletableFuture<LakehouseProcess.Outcome> command) throws Exception {
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
