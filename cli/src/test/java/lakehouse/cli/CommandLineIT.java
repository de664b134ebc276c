package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lakehouse.online.client.testing.RedisServer;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.testing.TestSpark;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: scripts/lakehouse, through spark-submit, on a bare machine
 * (no SPARK_HOME), one lake shared by the ordered steps of this class.
 */
@TestMethodOrder(OrderAnnotation.class)
class CommandLineIT {
  private static final Map<String, String> KEY =
      Map.of("LAKEHOUSE_PII_KEY", "integration-test-key");
  private static final String DAY = "2026-11-21";

  @TempDir static Path lake;

  @Test
  @Order(1)
  void generateWritesTheSameBytesForTheSameArguments() throws Exception {
    String[] arguments = {
      "generate",
      "--out",
      lake.toString(),
      "--from",
      "2026-11-20",
      "--days",
      "2",
      "--events-per-day",
      "3000",
      "--seed",
      "42",
      "--files-per-day",
      "4",
      "--corrupt-files",
      "--unknown-schema-files"
    };
    LakehouseProcess.Outcome first = LakehouseProcess.run(Map.of(), arguments);
    assertThat(first.exitStatus()).as(first.all()).isZero();
    Path other = Files.createTempDirectory("generate-again");
    String[] again = arguments.clone();
    again[2] = other.toString();
    assertThat(LakehouseProcess.run(Map.of(), again).exitStatus()).isZero();
    for (Path file : landingFiles(lake)) {
      Path twin = other.resolve(lake.relativize(file));
      assertThat(Files.readAllBytes(twin))
          .as("differs: " + file)
          .containsExactly(Files.readAllBytes(file));
    }
  }

  @Test
  @Order(2)
  @DisplayName("run ingests the day, rejects broken files with exit 3 and reports them")
  void runRejectsBrokenFilesWithExitThree() throws Exception {
    LakehouseProcess.Outcome run =
        LakehouseProcess.run(
            KEY, "run", "--date", DAY, "--lake", lake.toString(), "--run-id", "nightly-1");
    assertThat(run.exitStatus()).as(run.all()).isEqualTo(3);
    assertThat(run.stdout()).contains("bronze  " + DAY);
    // The console holds what the lakehouse says and nothing else: Spark's and Hadoop's log lines go
    // to the run's log beside its report.
    assertThat(run.stderr().lines())
        .as(run.stderr())
        .isNotEmpty()
        .allMatch(line -> line.startsWith("warning: rejected landing/"));
    assertThat(lake.resolve("_runs/nightly-1.log")).isNotEmptyFile();

    JsonNode report = report("nightly-1");
    assertThat(report.get("status").asText()).isEqualTo("succeeded_with_rejections");
    assertThat(report.get("command").asText()).isEqualTo("run");
    JsonNode bronze = report.get("layers").get("bronze");
    assertThat(bronze.get("files_ingested").asInt()).isEqualTo(4);
    Set<String> reasons = new HashSet<>();
    bronze.get("files_rejected").forEach(r -> reasons.add(r.get("reason").asText()));
    assertThat(reasons).containsExactlyInAnyOrder("corrupt_file", "unknown_schema");
    assertThat(bronze.get("files_rejected").get(0).get("file").asText())
        .startsWith("landing/ad_events/ingest_date=" + DAY);
    assertThat(report.toString())
        .as("the key never reaches the report")
        .doesNotContain("integration-test-key");
    assertThat(report.get("versions").get("spark").asText()).isEqualTo("3.5.9");
    assertThat(report.get("versions").get("delta").asText()).isEqualTo("3.3.3");

    long landed = 0;
    for (Path file : landingFiles(lake.resolve("landing/ad_events/ingest_date=" + DAY))) {
      if (!file.getFileName().toString().contains("corrupt")
          && !file.getFileName().toString().contains("unregistered")) {
        landed += records(file).size();
      }
    }
    assertThat(bronze.get("rows_read").asLong()).isEqualTo(landed);
    assertThat(bronzeCount()).isEqualTo(landed);
    assertNoRawPersonalData(run);
  }

  @Test
  @Order(3)
  void aSecondRunOfTheSameDayAddsNoRows() throws Exception {
    long before = bronzeCount();
    LakehouseProcess.Outcome again =
        LakehouseProcess.run(
            KEY,
            "--verbose",
            "run",
            "--date",
            DAY,
            "--lake",
            lake.toString(),
            "--run-id",
            "nightly-2");
    assertThat(again.exitStatus()).as(again.all()).isEqualTo(3);
    assertThat(again.stderr())
        .as("--verbose brings the log lines back to the console")
        .contains(" INFO LakeRun: run nightly-2");
    assertThat(report("nightly-2").get("layers").get("bronze").get("files_ingested").asInt())
        .isZero();
    assertThat(bronzeCount()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void badOptionsAndSettingsExitTwoWithOneLineNamingThem() throws Exception {
    assertUsageError(
        LakehouseProcess.run(KEY, "run", "--date", "2026-13-01", "--lake", lake.toString()),
        "--date");
    assertUsageError(LakehouseProcess.run(KEY, "run", "--lake", lake.toString()), "--date");
    assertUsageError(
        LakehouseProcess.run(
            KEY,
            "run",
            "--date",
            DAY,
            "--lake",
            lake.toString(),
            "--set",
            "silver.allowed-lateness-days=soon"),
        "allowed-lateness-days");
    assertUsageError(
        LakehouseProcess.run(
            KEY,
            "run",
            "--date",
            DAY,
            "--lake",
            lake.toString(),
            "--set",
            "silver.no-such-setting=1"),
        "lakehouse.silver.no-such-setting");
    assertUsageError(
        LakehouseProcess.run(Map.of(), "run", "--date", DAY, "--lake", lake.toString()),
        "LAKEHOUSE_PII_KEY");
    assertUsageError(
        LakehouseProcess.run(KEY, "run", "--date", DAY, "--conf", "/no/such.conf"), "--conf");
    assertUsageError(LakehouseProcess.run(KEY, "frobnicate"), "frobnicate");
  }

  @Test
  @Order(5)
  void everyCommandHasHelp() throws Exception {
    for (String command :
        List.of(
            "run",
            "backfill",
            "status",
            "publish",
            "cleanup",
            "generate",
            "estimate",
            "training-set")) {
      LakehouseProcess.Outcome help = LakehouseProcess.run(Map.of(), command, "--help");
      assertThat(help.exitStatus()).as(help.all()).isZero();
      assertThat(help.stdout()).contains("Usage: lakehouse " + command);
    }
    LakehouseProcess.Outcome top = LakehouseProcess.run(Map.of(), "--help");
    assertThat(top.exitStatus()).as(top.all()).isZero();
    assertThat(top.stdout()).contains("Exit status");
  }

  @Test
  @Order(5)
  @DisplayName("a command recorded by Java Flight Recorder runs and leaves its recording")
  void aCommandRecordedByFlightRecorderRuns() throws Exception {
    Path recording = Files.createTempDirectory("lakehouse-jfr").resolve("help.jfr");
    LakehouseProcess.Outcome help =
        LakehouseProcess.run(
            Map.of("LAKEHOUSE_JAVA_OPTS", "-XX:StartFlightRecording=filename=" + recording),
            "--help");
    assertThat(help.exitStatus()).as(help.all()).isZero();
    assertThat(help.stdout()).contains("Exit status");
    assertThat(recording).isNotEmptyFile();
  }

  @Test
  @Order(6)
  @DisplayName(
      "two nightly scripts started together run once, the second says the lock is held, and the night is published")
  void twoNightlyScriptsStartedTogetherRunOnce() throws Exception {
    Path lock = Files.createTempFile("nightly", ".lock");
    Path logs = Files.createTempDirectory("nightly-logs");
    try (RedisServer redis = RedisServer.start(Files.createTempDirectory("redis"))) {
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  LakehouseProcess.PROJECT.resolve("scripts/nightly.sh").toString(),
                  DAY,
                  "--lake",
                  lake.toString()));
      command.addAll(List.of(OnlineStoreOptions.pointingAt(redis)));
      List<Process> nightlies = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        LakehouseProcess.testSized(builder.environment());
        builder.environment().putAll(KEY);
        builder.environment().put("LAKEHOUSE_LOCK_FILE", lock.toString());
        builder.environment().put("LAKEHOUSE_LOG_DIR", logs.toString());
        nightlies.add(builder.start());
      }
      List<Integer> statuses = new java.util.ArrayList<>();
      List<String> outputs = new java.util.ArrayList<>();
      for (Process nightly : nightlies) {
        assertThat(nightly.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        statuses.add(nightly.exitValue());
        outputs.add(
            new String(
                nightly.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
      int refused = statuses.indexOf(75);
      assertThat(refused)
          .as("one nightly must find the lock held: " + statuses + " " + outputs)
          .isGreaterThanOrEqualTo(0);
      assertThat(outputs.get(refused)).contains("holds the lock");
      assertThat(statuses.get(1 - refused))
          .as("the other runs the day (its rejected files give 3): " + outputs)
          .isEqualTo(3);
      try (Stream<Path> files = Files.list(logs)) {
        assertThat(files).as("one log, for the one run").hasSize(1);
      }
      // The night ends with its features served: every user of user_features as of the day has a
      // hash.
      assertThat(redis.dump().keySet())
          .as(outputs.get(1 - refused))
          .containsExactlyInAnyOrderElementsOf(userKeysAsOf(DAY));
    }
  }

  /**
   * training-set through spark-submit, twice: the second run, in another JVM, reads the first's
   * snapshot and writes the same bytes.
   */
  @Test
  @Order(8)
  @DisplayName("a training set reproduced with --snapshot in another JVM has the same bytes")
  void aTrainingSetIsReproducedByteForByte() throws Exception {
    Path entities =
        Files.writeString(
            Files.createTempFile("entities", ".csv"),
            "user_id,event_timestamp,label\nu0000001,2026-11-22T00:00:01Z,1\n"
                + "u0000002,2026-11-22T10:00:00Z,0\nu0000001,2026-11-22T00:00:01Z,1\n");
    Path first = Files.createTempDirectory("training").resolve("first");
    Path again = first.resolveSibling("again");
    LakehouseProcess.Outcome taken =
        LakehouseProcess.run(
            Map.of(),
            "training-set",
            "--lake",
            lake.toString(),
            "--entities",
            entities.toString(),
            "--out",
            first.toString());
    assertThat(taken.exitStatus()).as(taken.all()).isZero();
    String snapshot =
        RunReportWriter.parse(Files.readString(first.resolve("_manifest.json")))
            .get("snapshot_id")
            .asText();

    LakehouseProcess.Outcome reproduced =
        LakehouseProcess.run(
            Map.of(),
            "training-set",
            "--lake",
            lake.toString(),
            "--entities",
            entities.toString(),
            "--out",
            again.toString(),
            "--snapshot",
            snapshot);

    assertThat(reproduced.exitStatus()).as(reproduced.all()).isZero();
    assertThat(Files.readAllBytes(again.resolve("part-00000.parquet")))
        .isEqualTo(Files.readAllBytes(first.resolve("part-00000.parquet")));
    assertThat(TestSpark.session().read().parquet(again.toString()).count()).isEqualTo(3);
  }

  private static Set<String> userKeysAsOf(String date) {
    Set<String> keys = new HashSet<>();
    for (Row row :
        TestSpark.session()
            .read()
            .format("delta")
            .load(lake.resolve("gold/user_features/v1").toString())
            .where("as_of_date = '" + date + "'")
            .select("user_id")
            .collectAsList()) {
      keys.add("u:feat:" + row.getString(0));
    }
    assertThat(keys).as("no user_features as of " + date).isNotEmpty();
    return keys;
  }

  /**
   * publish through spark-submit, as a user runs it after the night: the application jar carries
   * its Redis client, every user of the night's user_features gets a hash, and a date never built
   * fails with exit 1 and one line naming it.
   */
  @Test
  @Order(7)
  @DisplayName(
      "publish through spark-submit loads the night's users, and a date never built exits 1")
  void publishThroughSparkSubmit() throws Exception {
    Path redisFolder = Files.createTempDirectory("redis");
    try (RedisServer redis = RedisServer.start(redisFolder)) {
      List<String> arguments =
          new java.util.ArrayList<>(
              List.of(
                  "publish", "--date", DAY, "--lake", lake.toString(), "--run-id", "publish-1"));
      arguments.addAll(List.of(OnlineStoreOptions.pointingAt(redis)));
      LakehouseProcess.Outcome published =
          LakehouseProcess.run(Map.of(), arguments.toArray(String[]::new));

      assertThat(published.exitStatus()).as(published.all()).isZero();
      Set<String> users = userKeysAsOf(DAY);
      assertThat(redis.dump().keySet())
          .as("one hash per user of user_features as of " + DAY)
          .containsExactlyInAnyOrderElementsOf(users);
      assertThat(report("publish-1").at("/layers/online/keys_written").asLong())
          .isEqualTo(users.size());

      String neverBuilt = "2026-11-25";
      arguments.set(2, neverBuilt);
      arguments.set(6, "publish-2");
      LakehouseProcess.Outcome unbuilt =
          LakehouseProcess.run(Map.of(), arguments.toArray(String[]::new));

      assertThat(unbuilt.exitStatus()).as(unbuilt.all()).isEqualTo(1);
      List<String> errors = unbuilt.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
      assertThat(errors).as(unbuilt.stderr()).hasSize(1);
      assertThat(errors.get(0)).contains("as_of_date=" + neverBuilt);
      assertThat(report("publish-2").get("status").asText()).isEqualTo("failed");
      assertThat(redis.dump().keySet())
          .as("a failed publish changes nothing")
          .containsExactlyInAnyOrderElementsOf(users);
    }
  }

  private static void assertUsageError(LakehouseProcess.Outcome outcome, String named) {
    assertThat(outcome.exitStatus()).as(outcome.all()).isEqualTo(2);
    List<String> errors = outcome.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
    assertThat(errors).as(outcome.stderr()).hasSize(1);
    assertThat(errors.get(0)).contains(named);
    assertThat(outcome.stderr())
        .as("no stack trace for a usage error: " + outcome.stderr())
        .doesNotContain("\tat ");
  }

  /**
   * Neither a raw IP address nor a raw device id of the landing files appears in output or in
   * bronze.
   */
  private static void assertNoRawPersonalData(LakehouseProcess.Outcome run) throws IOException {
    Set<String> raw = new HashSet<>();
    for (Path file : landingFiles(lake.resolve("landing/ad_events/ingest_date=" + DAY))) {
      if (file.getFileName().toString().contains("corrupt")) {
        continue;
      }
      for (GenericRecord record : records(file)) {
        for (String field : List.of("ip_address", "device_id")) {
          if (record.getSchema().getField(field) != null && record.get(field) != null) {
            raw.add(record.get(field).toString());
          }
        }
      }
    }
    assertThat(raw).isNotEmpty();
    String output = run.all();
    for (String value : raw) {
      assertThat(output)
          .as("raw personal data in the command's output: " + value)
          .doesNotContain(value);
    }
    for (Row row :
        TestSpark.session()
            .read()
            .format("delta")
            .load(lake.resolve("bronze/ad_events").toString())
            .collectAsList()) {
      for (int i = 0; i < row.length(); i++) {
        assertThat(raw)
            .as("raw personal data in bronze column " + i)
            .doesNotContain(String.valueOf(row.get(i)));
      }
    }
  }

  private static long bronzeCount() {
    return TestSpark.session()
        .read()
        .format("delta")
        .load(lake.resolve("bronze/ad_events").toString())
        .count();
  }

  private static JsonNode report(String runId) throws IOException {
    return RunReportWriter.parse(Files.readString(lake.resolve("_runs/" + runId + ".json")));
  }

  private static List<Path> landingFiles(Path under) throws IOException {
    try (Stream<Path> files = Files.walk(under)) {
      return files.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
    }
  }

  private static List<GenericRecord> records(Path file) throws IOException {
    List<GenericRecord> records = new java.util.ArrayList<>();
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      reader.forEach(records::add);
    }
    return records;
  }
}
