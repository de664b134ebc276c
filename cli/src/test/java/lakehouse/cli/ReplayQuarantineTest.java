package lakehouse.cli;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.shared.tables.UserDailyActivity;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay-quarantine} end to end: three nights quarantine too-late (and invalid) records, the
 * allowed lateness is raised, and a replay releases the too-late ones into silver, rebuilds their
 * feature groups and every gold partition whose window holds them, and marks them released; a
 * second replay releases nothing, and a night after the replay still writes its quarantine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayQuarantineTest {
  private static final LocalDate FIRST = LocalDate.parse("2026-11-10");
  private static final LocalDate LAST = FIRST.plusDays(2);
  private static final LocalDate AFTER = LAST.plusDays(1);
  private static final String RESUMED = "replay-resumed";
  private static final String RAISED_LATENESS = "silver.allowed-lateness-days=7";

  @TempDir static Path lake;
  private static LakeLayout layout;

  /** Quarantined records before the replay: all, those with too_late as their only reason. */
  private static long quarantinedBefore;

  private static Set<String> tooLateOnly;
  private static long silverBefore;

  @BeforeAll
  static void threeNightsQuarantinedTooLateRecords() {
    layout = new LakeLayout(lake.toString());
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            FIRST.toString(),
            "--days",
            "4",
            "--events-per-day",
            "200",
            "--seed",
            "31",
            "--too-late-share",
            "0.1",
            "--invalid-share",
            "0.05");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      InProcessLakehouse.Outcome night =
          InProcessLakehouse.run("run", "--date", day.toString(), "--lake", lake.toString());
      assertThat(night.exitStatus()).as(night.stderr()).isZero();
    }
    Dataset<Row> quarantine = quarantine();
    quarantinedBefore = quarantine.count();
    tooLateOnly =
        new HashSet<>(
            quarantine
                .where(
                    size(col(Quarantine.REASONS))
                        .equalTo(1)
                        .and(array_contains(col(Quarantine.REASONS), "too_late")))
                .select(SilverEvents.EVENT_ID)
                .as(Encoders.STRING())
                .collectAsList());
    silverBefore = silver().count();
    assertThat(tooLateOnly).as("the nights quarantined too-late records").hasSizeGreaterThan(10);
    assertThat(quarantinedBefore)
        .as("and records quarantined for other reasons")
        .isGreaterThan(tooLateOnly.size());
  }

  @Test
  @Order(0)
  @DisplayName(
      "--reason considers only the records quarantined for it, and releases none that still fail")
  void aReasonFilterConsidersOnlyItsRecords() throws IOException {
    long invalidCountry =
        quarantine().where(array_contains(col(Quarantine.REASONS), "invalid_country")).count();
    assertThat(invalidCountry).as("the nights quarantined invalid countries").isPositive();

    InProcessLakehouse.Outcome filtered =
        replay("replay-country", "--reason", "invalid_country", "--set", RAISED_LATENESS);

    assertThat(filtered.exitStatus()).as(filtered.stdout() + filtered.stderr()).isZero();
    JsonNode replay = report("replay-country").at("/layers/replay");
    assertThat(replay.get("records_considered").asLong())
        .as(replay.toString())
        .isEqualTo(invalidCountry);
    assertThat(replay.get("records_released").asLong()).isZero();
    assertThat(replay.at("/still_quarantined_by_reason/invalid_country").asLong())
        .isEqualTo(invalidCountry);
    assertThat(silver().count()).isEqualTo(silverBefore);
  }

  @Test
  @Order(1)
  @DisplayName(
      "after the lateness is raised, a replay releases the too-late records into silver, rebuilds what they change and marks them")
  void aReplayReleasesTheTooLateRecords() throws IOException {
    InProcessLakehouse.Outcome replayed = replay("replay-1", "--set", RAISED_LATENESS);

    assertThat(replayed.exitStatus()).as(replayed.stdout() + replayed.stderr()).isZero();
    JsonNode replay = report("replay-1").at("/layers/replay");
    long released = replay.get("records_released").asLong();
    assertThat(replay.get("records_considered").asLong())
        .as(replay.toString())
        .isEqualTo(quarantinedBefore);
    assertThat(released + replay.get("records_still_quarantined").asLong())
        .isEqualTo(quarantinedBefore);
    assertThat(released).isEqualTo(tooLateOnly.size());
    assertThat(replay.at("/released_by_reason/too_late").asLong()).isEqualTo(released);
    assertThat(replay.at("/still_quarantined_by_reason/too_late").asLong()).isZero();
    assertThat(
            replay.at("/still_quarantined_by_reason/invalid_event_id").asLong()
                + replay.at("/still_quarantined_by_reason/missing_user_id").asLong()
                + replay.at("/still_quarantined_by_reason/negative_cost").asLong()
                + replay.at("/still_quarantined_by_reason/invalid_country").asLong()
                + replay.at("/still_quarantined_by_reason/missing_ad_id").asLong()
                + replay.at("/still_quarantined_by_reason/missing_campaign_id").asLong()
                + replay.at("/still_quarantined_by_reason/future_event_time").asLong())
        .as("the records quarantined for other reasons stay")
        .isPositive();
    long accepted = replay.get("rows_accepted").asLong();
    assertThat(
            accepted
                + replay.get("duplicates_dropped").asLong()
                + replay.get("rows_already_accepted").asLong())
        .isEqualTo(released);

    // Silver: the released events, with their ingest date and the replay's run id.
    Dataset<Row> silver = silver();
    assertThat(silver.count()).isEqualTo(silverBefore + accepted);
    List<Row> releasedRows =
        silver.where(col(SilverEvents.RUN_ID).equalTo(lit("replay-1"))).collectAsList();
    assertThat(releasedRows).hasSize((int) accepted);
    Set<String> releasedIds = new HashSet<>();
    Set<LocalDate> oldDates = new TreeSet<>();
    for (Row row : releasedRows) {
      releasedIds.add(row.getAs(SilverEvents.EVENT_ID));
      LocalDate eventDate = row.<Date>getAs(SilverEvents.EVENT_DATE).toLocalDate();
      LocalDate ingestDate = row.<Date>getAs(SilverEvents.INGEST_DATE).toLocalDate();
      assertThat(eventDate).as("too late for its night").isBefore(ingestDate.minusDays(2));
      oldDates.add(eventDate);
    }
    assertThat(tooLateOnly).containsAll(releasedIds);

    // The quarantine keeps every record; the released ones name the replay.
    Dataset<Row> quarantine = quarantine();
    assertThat(quarantine.count()).isEqualTo(quarantinedBefore);
    assertThat(
            new HashSet<>(
                quarantine
                    .where(col(Quarantine.RELEASED_BY_RUN).equalTo(lit("replay-1")))
                    .select(SilverEvents.EVENT_ID)
                    .as(Encoders.STRING())
                    .collectAsList()))
        .isEqualTo(tooLateOnly);
    assertThat(quarantine.where(col(Quarantine.RELEASED_BY_RUN).isNull()).count())
        .isEqualTo(quarantinedBefore - tooLateOnly.size());

    // The old event dates' feature groups hold the released events' users.
    List<String> changed = new ArrayList<>();
    replay.get("changed_event_dates").forEach(date -> changed.add(date.asText()));
    assertThat(changed.stream().map(LocalDate::parse).toList()).containsAll(oldDates);
    Dataset<Row> activity =
        read(layout.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
    for (LocalDate date : oldDates) {
      assertThat(usersOn(activity, UserDailyActivity.EVENT_DATE, date))
          .as("user_daily_activity of " + date)
          .isEqualTo(usersOn(silver, SilverEvents.EVENT_DATE, date));
    }

    // Gold: every user_features as-of date whose window holds a changed date (up to the last
    // night), and campaign_daily of each changed date, rebuilt by the replay from silver.
    Dataset<Row> features = read(layout.goldTable(UserFeatures.NAME, UserFeatures.VERSION));
    Dataset<Row> campaigns = read(layout.goldTable(CampaignDaily.NAME, CampaignDaily.VERSION));
    Set<LocalDate> asOfDates = new TreeSet<>();
    for (LocalDate date : oldDates) {
      for (LocalDate asOf = date; !asOf.isAfter(date.plusDays(6)); asOf = asOf.plusDays(1)) {
        if (!asOf.isAfter(LAST)) {
          asOfDates.add(asOf);
        }
      }
    }
    for (LocalDate asOf : asOfDates) {
      Dataset<Row> partition =
          features.where(col(UserFeatures.AS_OF_DATE).equalTo(lit(Date.valueOf(asOf))));
      assertThat(runsOf(partition)).as("user_features as of " + asOf).containsExactly("replay-1");
      assertThat(
              new TreeSet<>(
                  partition.select(UserFeatures.USER_ID).as(Encoders.STRING()).collectAsList()))
          .as("the users of the window of " + asOf)
          .isEqualTo(
              new TreeSet<>(
                  silver
                      .where(
                          col(SilverEvents.EVENT_DATE)
                              .between(
                                  lit(Date.valueOf(asOf.minusDays(6))), lit(Date.valueOf(asOf))))
                      .select(SilverEvents.USER_ID)
                      .distinct()
                      .as(Encoders.STRING())
                      .collectAsList()));
    }
    for (LocalDate date : oldDates) {
      assertThat(
              runsOf(
                  campaigns.where(col(CampaignDaily.EVENT_DATE).equalTo(lit(Date.valueOf(date))))))
          .as("campaign_daily of " + date)
          .containsExactly("replay-1");
    }
  }

  @Test
  @Order(2)
  @DisplayName(
      "a replay that stopped before marking its records is finished by the next, which adds nothing to silver twice")
  void aStoppedReplayIsFinishedByTheNext() throws IOException {
    long silverRows = silver().count();
    long acceptedFirst = report("replay-1").at("/layers/replay/rows_accepted").asLong();
    // What a replay that died after its silver commits and before its release marks leaves.
    DeltaTable.forPath(TestSpark.session(), layout.quarantine())
        .update(
            col(Quarantine.RELEASED_BY_RUN).equalTo(lit("replay-1")),
            Map.of(Quarantine.RELEASED_BY_RUN, lit(null).cast("string")));

    InProcessLakehouse.Outcome resumed = replay(RESUMED, "--set", RAISED_LATENESS);

    assertThat(resumed.exitStatus()).as(resumed.stdout() + resumed.stderr()).isZero();
    JsonNode replay = report(RESUMED).at("/layers/replay");
    assertThat(replay.get("records_released").asLong())
        .as(replay.toString())
        .isEqualTo(tooLateOnly.size());
    assertThat(replay.get("rows_accepted").asLong()).isZero();
    assertThat(replay.get("rows_already_accepted").asLong()).isEqualTo(acceptedFirst);
    assertThat(silver().count()).isEqualTo(silverRows);
    assertThat(quarantine().where(col(Quarantine.RELEASED_BY_RUN).equalTo(lit(RESUMED))).count())
        .isEqualTo(tooLateOnly.size());
  }

  @Test
  @Order(3)
  void aSecondReplayReleasesNothing() throws IOException {
    long silverRows = silver().count();

    InProcessLakehouse.Outcome again = replay("replay-2", "--set", RAISED_LATENESS);

    assertThat(again.exitStatus()).as(again.stdout() + again.stderr()).isZero();
    JsonNode replay = report("replay-2").at("/layers/replay");
    assertThat(replay.get("records_released").asLong()).as(replay.toString()).isZero();
    assertThat(replay.get("records_considered").asLong())
        .isEqualTo(quarantinedBefore - tooLateOnly.size());
    assertThat(replay.get("records_released_before").asLong()).isEqualTo(tooLateOnly.size());
    assertThat(report("replay-2").at("/layers/gold").isMissingNode())
        .as("nothing changed, so gold is not rebuilt")
        .isTrue();
    assertThat(silver().count()).isEqualTo(silverRows);
    assertThat(quarantine().where(col(Quarantine.RELEASED_BY_RUN).equalTo(lit(RESUMED))).count())
        .isEqualTo(tooLateOnly.size());
  }

  @Test
  @Order(4)
  @DisplayName("a night after a replay writes its quarantine into the evolved table")
  void aNightAfterAReplayStillQuarantines() {
    InProcessLakehouse.Outcome night =
        InProcessLakehouse.run("run", "--date", AFTER.toString(), "--lake", lake.toString());

    assertThat(night.exitStatus()).as(night.stderr()).isZero();
    Dataset<Row> ofNight = quarantine().where(col("ingest_date").equalTo(lit(Date.valueOf(AFTER))));
    assertThat(ofNight.count()).isPositive();
    assertThat(ofNight.where(col(Quarantine.RELEASED_BY_RUN).isNotNull()).count()).isZero();
  }

  @Test
  @DisplayName("an unknown reason is a one-line usage error")
  void anUnknownReasonIsAUsageError() {
    InProcessLakehouse.Outcome refused = replay("replay-unknown", "--reason", "too_early");

    assertThat(refused.exitStatus()).isEqualTo(2);
    assertThat(refused.stderr().lines().toList()).hasSize(1);
    assertThat(refused.stderr()).contains("--reason too_early").contains("too_late");
  }

  private static InProcessLakehouse.Outcome replay(String runId, String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "replay-quarantine",
                "--from",
                FIRST.toString(),
                "--to",
                LAST.toString(),
                "--lake",
                lake.toString(),
                "--run-id",
                runId));
    all.addAll(List.of(more));
    return InProcessLakehouse.run(all.toArray(String[]::new));
  }

  private static Set<String> usersOn(Dataset<Row> rows, String dateColumn, LocalDate date) {
    return new TreeSet<>(
        rows.where(col(dateColumn).equalTo(lit(Date.valueOf(date))))
            .select("user_id")
            .distinct()
            .as(Encoders.STRING())
            .collectAsList());
  }

  private static Set<String> runsOf(Dataset<Row> rows) {
    return new TreeSet<>(rows.select("run_id").distinct().as(Encoders.STRING()).collectAsList());
  }

  private static Dataset<Row> quarantine() {
    return read(layout.quarantine());
  }

  private static Dataset<Row> silver() {
    return read(layout.silverEvents());
  }

  private static Dataset<Row> read(String path) {
    return TestSpark.session().read().format("delta").load(path);
  }

  private static JsonNode report(String runId) throws IOException {
    return RunReportWriter.parse(Files.readString(lake.resolve("_runs/" + runId + ".json")));
  }
}
