package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code training-set} on a lake whose gold was built from a few hand-written silver rows: u1
 * active on 2026-11-20 (3 impressions) and 2026-11-21 (5), u2 on 2026-11-10 only, so its newest
 * features are as of 2026-11-16, the end of its 7-day window. The last test changes the lake (a
 * backfill).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingSetTest {
  private static final String ENTITIES =
      """
      user_id,event_timestamp,campaign_id,label
      u1,2026-11-21T00:00:01Z,c1,1
      u1,2026-11-21T00:00:01Z,c1,1
      ,2026-11-21T10:00:00Z,c1,0
      u2,2026-11-23T09:00:00Z,,0
      u2,2026-11-24T09:00:00Z,,1
      u1,2026-11-09T09:00:00Z,c1,0
      """;

  @TempDir static Path root;
  @TempDir Path work;
  private static final SparkSession spark = TestSpark.session();
  private static Path entities;

  @BeforeAll
  static void goldWasBuiltFromAFewRows() throws IOException {
    new GoldOnlyLake(spark, new LakeLayout(root.toString()))
        .activity("u1", "2026-11-20", 3)
        .activity("u1", "2026-11-21", 5)
        .activity("u2", "2026-11-10", 1)
        .rebuildGold("2026-11-10", "2026-11-21", "run-nightly");
    entities =
        Files.writeString(root.resolveSibling(root.getFileName() + "-entities.csv"), ENTITIES);
  }

  private static InProcessLakehouse.Outcome trainingSet(Path out, String... more) {
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of(
                "training-set",
                "--lake",
                root.toString(),
                "--entities",
                entities.toString(),
                "--out",
                out.toString()));
    arguments.addAll(List.of(more));
    return InProcessLakehouse.run(arguments.toArray(String[]::new));
  }

  private static List<Row> rows(Path out) {
    return spark.read().parquet(out.toString()).orderBy("row_number").collectAsList();
  }

  private static JsonNode manifest(Path out) throws IOException {
    return RunReportWriter.parse(Files.readString(out.resolve("_manifest.json")));
  }

  private static Object asOf(Row row) {
    return row.getAs("user_features__" + UserFeatures.AS_OF_DATE);
  }

  @Test
  @Order(1)
  @DisplayName(
      "every entity row comes out once, in order, with its columns and the features known before"
          + " its day")
  void everyRowGetsTheFeaturesKnownBeforeItsDay() throws IOException {
    Path out = work.resolve("training");

    InProcessLakehouse.Outcome outcome = trainingSet(out);

    assertThat(outcome.exitStatus()).as(outcome.stderr()).isZero();
    List<Row> rows = rows(out);
    assertThat(rows)
        .extracting(row -> row.<Long>getAs("row_number"))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(rows)
        .extracting(row -> row.<Object>getAs("label"))
        .containsExactly(1, 1, 0, 0, 1, 0);
    assertThat(rows)
        .extracting(TrainingSetTest::asOf)
        .containsExactly(
            Date.valueOf("2026-11-20"),
            Date.valueOf("2026-11-20"),
            null,
            Date.valueOf("2026-11-16"),
            null,
            null);
    assertThat(rows.get(0).<Long>getAs("user_features__impressions_1d")).isEqualTo(3L);
    assertThat(rows.get(0).<Object>getAs("campaign_daily__event_date"))
        .isEqualTo(Date.valueOf("2026-11-20"));
    assertThat(rows.get(2).<Object>getAs("campaign_daily__impressions")).isEqualTo(1L);
    JsonNode manifest = manifest(out);
    String snapshot = manifest.get("snapshot_id").asText();
    assertThat(manifest.get("table_versions").get("user_features/v1").asLong()).isNotNegative();
    assertThat(manifest.get("max_age").asText()).isEqualTo("7d");
    assertThat(manifest.get("entities").get("bytes").asLong()).isEqualTo(Files.size(entities));
    assertThat(outcome.stdout()).contains(snapshot);

    InProcessLakehouse.Outcome status =
        InProcessLakehouse.run("status", "--snapshots", "--json", "--lake", root.toString());
    assertThat(status.exitStatus()).as(status.stderr()).isZero();
    assertThat(RunReportWriter.parse(status.stdout()).get(0).get("snapshot_id").asText())
        .isEqualTo(snapshot);
  }

  @Test
  @Order(2)
  @DisplayName(
      "an entity file without event_timestamp, or an absent feature version, is a usage error")
  void badEntitiesOrVersionsAreUsageErrors() throws IOException {
    Path noTimestamp = Files.writeString(work.resolve("entities.csv"), "user_id,label\nu1,1\n");
    InProcessLakehouse.Outcome missingColumn =
        InProcessLakehouse.run(
            "training-set",
            "--lake",
            root.toString(),
            "--entities",
            noTimestamp.toString(),
            "--out",
            work.resolve("a").toString());
    InProcessLakehouse.Outcome absentVersion =
        trainingSet(work.resolve("b"), "--features", "user_features:v9");
    InProcessLakehouse.Outcome unknownSnapshot =
        trainingSet(work.resolve("c"), "--snapshot", "campaign_daily-v1-99.user_features-v1-99");

    assertThat(missingColumn.exitStatus()).isEqualTo(ExitStatus.USAGE);
    assertThat(missingColumn.stderr().strip())
        .doesNotContain("\n")
        .contains(noTimestamp.toString(), "event_timestamp");
    assertThat(absentVersion.exitStatus()).isEqualTo(ExitStatus.USAGE);
    assertThat(absentVersion.stderr()).contains("user_features:v9");
    assertThat(unknownSnapshot.exitStatus()).isEqualTo(ExitStatus.USAGE);
    assertThat(work.resolve("a")).doesNotExist();
  }

  @Test
  @Order(3)
  @DisplayName(
      "a late backfill of D-3 changes a training set from a new snapshot, not one from the old"
          + " snapshot, which comes out byte for byte the same; once cleaned up, it is past"
          + " retention")
  void anOldSnapshotReproducesItsTrainingSetAfterABackfill() throws IOException {
    Path before = work.resolve("before");
    assertThat(trainingSet(before).exitStatus()).isZero();
    String snapshot = manifest(before).get("snapshot_id").asText();

    new GoldOnlyLake(spark, new LakeLayout(root.toString()))
        .activity("u1", "2026-11-17", 10)
        .rebuildGold("2026-11-17", "2026-11-21", "run-backfill");
    Path after = work.resolve("after");
    Path reproduced = work.resolve("reproduced");
    assertThat(trainingSet(after).exitStatus()).isZero();
    InProcessLakehouse.Outcome again = trainingSet(reproduced, "--snapshot", snapshot);

    assertThat(again.exitStatus()).as(again.stderr()).isZero();
    assertThat(manifest(after).get("snapshot_id").asText()).isNotEqualTo(snapshot);
    assertThat(rows(after).get(0).<Long>getAs("user_features__impressions_7d")).isEqualTo(13L);
    assertThat(rows(before).get(0).<Long>getAs("user_features__impressions_7d")).isEqualTo(3L);
    assertThat(parquetFiles(reproduced)).isEqualTo(parquetFiles(before));
    for (String file : parquetFiles(before)) {
      assertThat(Files.readAllBytes(reproduced.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(before.resolve(file)));
    }

    spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    try {
      DeltaTable.forPath(spark, root.resolve("gold/user_features/v1").toString()).vacuum(0);
    } finally {
      spark.conf().unset("spark.databricks.delta.retentionDurationCheck.enabled");
    }
    InProcessLakehouse.Outcome vacuumed =
        trainingSet(work.resolve("vacuumed"), "--snapshot", snapshot);
    assertThat(vacuumed.exitStatus()).isEqualTo(ExitStatus.FAILED);
    assertThat(vacuumed.stderr().strip()).doesNotContain("\n").contains(snapshot, "past retention");
  }

  private static List<String> parquetFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".parquet"))
          .sorted()
          .toList();
    }
  }
}
