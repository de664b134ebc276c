package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.delta.DeltaLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/**
 * Storage faults under a lake that ran one night: each is injected as a chaos tool would (file
 * operations only), and either Delta reads through it to the same tables, or the next run fails
 * before writing anything with one line naming the path; once repaired, the night runs. One lake
 * for all the cases, in order; the DeltaLog cache is cleared after each injection, as a new process
 * would start without it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageChaosTest {
  private static final LocalDate FIRST = LocalDate.parse("2026-11-10");
  private static final String SECOND = FIRST.plusDays(1).toString();

  @TempDir static Path lake;
  private static Map<String, Long> afterFirstNight;
  private static Map<String, Long> versionsAfterFirstNight;

  @BeforeAll
  static void oneNightWithCheckpoints() {
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            FIRST.toString(),
            "--days",
            "2",
            "--events-per-day",
            "200",
            "--seed",
            "5",
            "--files-per-day",
            "2");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
    InProcessLakehouse.Outcome night =
        InProcessLakehouse.run(
            "run", "--date", FIRST.toString(), "--lake", lake.toString(), "--run-id", "night-1");
    assertThat(night.exitStatus()).as(night.stderr()).isZero();
    // As Delta does every tenth commit: a checkpoint and _last_checkpoint in every table's log.
    for (CatalogTable table : tables()) {
      DeltaLog log = DeltaLog.forTable(TestSpark.session(), table.path());
      log.checkpoint(log.update(false, Option.empty(), Option.empty()), Option.empty());
    }
    afterFirstNight = checksums();
    versionsAfterFirstNight = versions();
  }

  @AfterAll
  static void forgetTheLake() {
    DeltaLog.clearCache();
  }

  @Test
  @Order(1)
  @DisplayName(
      "a damaged _last_checkpoint of a silver and of a gold table: Delta lists the log instead, and"
          + " reads the same tables")
  void damagedLastCheckpointOfASilverAndAGoldTableIsReadThroughTheLog() throws IOException {
    // Garbage bytes, with the checksum file Hadoop's local file system wrote beside it left stale.
    Path silver = log("silver/ad_events").resolve("_last_checkpoint");
    Files.write(silver, new byte[] {'g', 0, (byte) 0xff, '{'});
    // Cut short inside its JSON, checksum file removed, as an object store has none.
    Path gold = log("gold/user_features/v1").resolve("_last_checkpoint");
    String json = Files.readString(gold, StandardCharsets.UTF_8);
    Files.writeString(gold, json.substring(0, json.length() / 2), StandardCharsets.UTF_8);
    Files.deleteIfExists(gold.resolveSibling("._last_checkpoint.crc"));
    DeltaLog.clearCache();

    assertThat(checksums()).isEqualTo(afterFirstNight);
  }

  @Test
  @Order(2)
  @DisplayName(
      "a missing checkpoint that _last_checkpoint points to: Delta replays the commits before it,"
          + " and reads the same tables")
  void missingCheckpointOfASilverAndAGoldTableIsReplayedFromItsCommits() throws IOException {
    deleteCheckpoint("silver/user_daily_activity/v1");
    deleteCheckpoint("gold/campaign_daily/v1");
    DeltaLog.clearCache();

    assertThat(checksums()).isEqualTo(afterFirstNight);
  }

  @Test
  @Order(3)
  @DisplayName(
      "a missing checkpoint whose earlier commits were cleaned up fails the next run before it"
          + " writes, naming the table's log; restored, the log reads again")
  void missingCheckpointWithoutTheCommitsBeforeItFailsTheRunNamingTheLog() throws IOException {
    Path log = log("silver/ad_hourly_activity/v1");
    Path aside = Files.createTempDirectory("log-aside");
    List<Path> moved;
    try (Stream<Path> files = Files.list(log)) {
      moved =
          files
              .filter(
                  f ->
                      f.getFileName()
                          .toString()
                          .matches("\\.?0{20}\\.(json|crc).*|.*checkpoint.*parquet.*"))
              .toList();
    }
    for (Path file : moved) {
      Files.move(file, aside.resolve(file.getFileName()));
    }
    DeltaLog.clearCache();

    InProcessLakehouse.Outcome failed = night("night-2-unreadable-log");

    assertThat(failed.exitStatus()).as(failed.stderr()).isEqualTo(1);
    assertThat(failed.stderr().lines())
        .as(failed.stderr())
        .anyMatch(
            l ->
                l.startsWith("error: run failed: the table silver/ad_hourly_activity/v1")
                    && l.contains(log.toString())
                    && l.contains("DELTA_MISSING_PART_FILES"));
    assertThat(failed.stderr()).doesNotContain("\tat ");

    for (Path file : moved) {
      Files.move(aside.resolve(file.getFileName()), file, StandardCopyOption.REPLACE_EXISTING);
    }
    DeltaLog.clearCache();
    assertThat(versions()).as("nothing was written").isEqualTo(versionsAfterFirstNight);
    assertThat(checksums()).isEqualTo(afterFirstNight);
  }

  @Test
  @Order(4)
  @DisplayName(
      "a file where a gold table's folder belongs fails the next run before it writes, naming it")
  void aFileWhereAGoldTableBelongsFailsTheRunNamingIt() throws IOException {
    Path table = lake.resolve("gold/campaign_daily/v1");
    Path aside = Files.move(table, lake.resolve("gold/campaign_daily/v1.aside"));
    Files.writeString(table, "not a folder");
    DeltaLog.clearCache();

    InProcessLakehouse.Outcome failed = night("night-2-file-for-folder");

    assertThat(failed.exitStatus()).as(failed.stderr()).isEqualTo(1);
    assertThat(failed.stderr().lines())
        .as(failed.stderr())
        .containsExactly(
            "error: run failed: "
                + table
                + " is a file where a folder of the lake's tables belongs; nothing was written:"
                + " move the file away (or restore the folder) and run again");

    Files.delete(table);
    Files.move(aside, table);
    DeltaLog.clearCache();
    assertThat(versions()).as("nothing was written").isEqualTo(versionsAfterFirstNight);
  }

  @Test
  @Order(5)
  @DisplayName("a lake root that is a file is a bad --lake: exit 2, naming the option")
  void aLakeRootThatIsAFileIsABadOption() throws IOException {
    Path file = Files.writeString(lake.resolveSibling(lake.getFileName() + ".file"), "x");
    try {
      InProcessLakehouse.Outcome refused =
          InProcessLakehouse.run("run", "--date", SECOND, "--lake", file.toString());

      assertThat(refused.exitStatus()).as(refused.stderr()).isEqualTo(2);
      assertThat(refused.stderr().lines())
          .containsExactly(
              "error: the lake root "
                  + file
                  + " is a file, not a folder (--lake or lakehouse.root)");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  @Order(6)
  @DisplayName("after every fault above, repaired or tolerated, the next night runs")
  void theNextNightRunsOnTheRepairedLake() {
    InProcessLakehouse.Outcome night = night("night-2");

    assertThat(night.exitStatus()).as(night.stderr()).isZero();
    assertThat(versions())
        .allSatisfy((table, version) -> assertThat(version).as(table).isNotNegative());
  }

  private static InProcessLakehouse.Outcome night(String runId) {
    return InProcessLakehouse.run(
        "run", "--date", SECOND, "--lake", lake.toString(), "--run-id", runId);
  }

  private static List<CatalogTable> tables() {
    return new TableCatalog(new LakeLayout(lake.toString()))
        .tables(new lakehouse.shared.config.ConfigLoader().load(null, Map.of()).gold());
  }

  private static Path log(String table) {
    return lake.resolve(table).resolve("_delta_log");
  }

  private static void deleteCheckpoint(String table) throws IOException {
    try (Stream<Path> files = Files.list(log(table))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().contains(".checkpoint.")).toList()) {
        Files.delete(file);
      }
    }
  }

  private static Map<String, Long> checksums() {
    Map<String, Long> sums = new LinkedHashMap<>();
    LakeTables.of(lake).forEach((name, rows) -> sums.put(name, LakeTables.checksum(rows)));
    return sums;
  }

  private static Map<String, Long> versions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (CatalogTable table : tables()) {
      versions.put(
          table.path(),
          DeltaLog.forTable(TestSpark.session(), table.path())
              .update(false, Option.empty(), Option.empty())
              .version());
    }
    return versions;
  }
}
