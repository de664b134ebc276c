package lakehouse.gold.promotion;

import static lakehouse.gold.CampaignRows.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lakehouse.gold.CampaignRows;
import lakehouse.gold.TableContent;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lock.LakeLock;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionPromotionTest {
  private static final RunStart NIGHTLY =
      new RunStart("run-20261124T020000Z-aaaa", Instant.parse("2026-11-24T02:00:00Z"));
  private static final RunStart BACKFILL =
      new RunStart("backfill-20261124T100000Z-bbbb", Instant.parse("2026-11-24T10:00:00Z"));

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();
  private LakeLayout lake;
  private GoldTable table;

  @BeforeEach
  void setUp() {
    lake = new LakeLayout(root.toString());
    table = GoldTable.campaignDaily(lake, "v1");
  }

  /**
   * The rows a run computes for the dates: two campaigns a day, impressions telling the runs apart.
   */
  private static List<Row> output(RunStart run, long impressions, String... dates) {
    List<Row> rows = new ArrayList<>();
    for (String date : dates) {
      rows.add(campaign("c1", date, impressions, run.runId()));
      rows.add(campaign("c2", date, impressions + 1, run.runId()));
    }
    return rows;
  }

  private PartitionPromotion promotion(RunStart run, long impressions, String... dates) {
    return new PartitionPromotion(spark, lake, table, run)
        .addAll(
            CampaignRows.checked(
                spark, lake, table, run.runId(), List.of(dates), output(run, impressions, dates)));
  }

  private List<String> partition(String date) {
    return TableContent.lines(
        DeltaPartitionWriter.read(spark, table.path())
            .orElseThrow()
            .where(CampaignDaily.EVENT_DATE + " = DATE'" + date + "'"));
  }

  private List<String> lines(List<Row> rows) {
    return TableContent.lines(CampaignRows.frame(spark, rows));
  }

  /**
   * The table's latest version, listed from its log: a table whose first commit landed while its
   * write reported a failure is still unknown to Delta's cached table check in this JVM.
   */
  private long version() {
    return DeltaLogTail.latestVersion(spark, table.path());
  }

  private long lineageVersion() {
    return DeltaPartitionWriter.version(spark, new GoldLineage(spark, lake).path());
  }

  @Test
  void allPartitionsOfARunArriveInOneCommitWithTheirLineage() {
    PromotionResult result = promotion(NIGHTLY, 5, "2026-11-21", "2026-11-22").commit();

    assertThat(result.promoted())
        .containsExactly(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22"));
    assertThat(version())
        .as("the promotion creates the table in its own commit, version 0")
        .isEqualTo(0);
    assertThat(TableContent.lines(spark, table.path()))
        .isEqualTo(lines(output(NIGHTLY, 5, "2026-11-21", "2026-11-22")));
    List<LineageRecord> lineage = new GoldLineage(spark, lake).records("campaign_daily", "v1");
    assertThat(lineage.stream().map(LineageRecord::partitionKey).toList())
        .containsExactly("2026-11-21", "2026-11-22");
    assertThat(lineage)
        .allMatch(
            r -> r.runId().equals(NIGHTLY.runId()) && r.deltaVersion() == 0 && r.rowCount() == 2);
    assertThat(new File(lake.staging() + "/campaign_daily/v1/partition_key=2026-11-21"))
        .as("staging is removed after promotion")
        .doesNotExist();
  }

  @Test
  void promotingAnAlreadyPromotedRunAgainAddsNoDeltaVersion() {
    promotion(NIGHTLY, 5, "2026-11-21", "2026-11-22").commit();
    long version = version();
    long lineageVersion = lineageVersion();
    List<String> content = TableContent.lines(spark, table.path());

    PromotionResult retry = promotion(NIGHTLY, 5, "2026-11-21", "2026-11-22").commit();

    assertThat(retry.alreadyPromoted())
        .containsExactly(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22"));
    assertThat(retry.committed()).isFalse();
    assertThat(version()).isEqualTo(version);
    assertThat(lineageVersion()).isEqualTo(lineageVersion);
    assertThat(TableContent.lines(spark, table.path())).isEqualTo(content);
  }

  @Test
  void anOlderRunRetriedAfterANewerOneIsSupersededAndSaysSo() {
    promotion(BACKFILL, 7, "2026-11-21").commit();
    long version = version();

    PromotionResult late = promotion(NIGHTLY, 5, "2026-11-21", "2026-11-22").commit();

    assertThat(late.superseded()).containsExactly(LocalDate.parse("2026-11-21"));
    assertThat(late.promoted()).containsExactly(LocalDate.parse("2026-11-22"));
    String message = late.partitions().get(0).detail();
    assertThat(message).contains("superseded", BACKFILL.runId(), NIGHTLY.runId());
    assertThat(late.partitions().get(0).heldBy()).isEqualTo(BACKFILL.runId());
    assertThat(partition("2026-11-21"))
        .as("the newer output is kept")
        .isEqualTo(lines(output(BACKFILL, 7, "2026-11-21")));
    assertThat(partition("2026-11-22")).isEqualTo(lines(output(NIGHTLY, 5, "2026-11-22")));
    assertThat(version()).isEqualTo(version + 1);
  }

  @Test
  void anOlderRunWhosePartitionsAreAllSupersededCommitsNothing() {
    promotion(BACKFILL, 7, "2026-11-21").commit();
    long version = version();

    PromotionResult late = promotion(NIGHTLY, 5, "2026-11-21").commit();

    assertThat(late.superseded()).containsExactly(LocalDate.parse("2026-11-21"));
    assertThat(version()).isEqualTo(version);
  }

  @Test
  void aBackfillThatRunsAfterTheNightlyRunBecomesVisible() {
    promotion(NIGHTLY, 5, "2026-11-21", "2026-11-22", "2026-11-23").commit();

    PromotionResult backfill = promotion(BACKFILL, 7, "2026-11-21").commit();

    assertThat(backfill.promoted()).containsExactly(LocalDate.parse("2026-11-21"));
    assertThat(partition("2026-11-21")).isEqualTo(lines(output(BACKFILL, 7, "2026-11-21")));
    assertThat(partition("2026-11-22")).isEqualTo(lines(output(NIGHTLY, 5, "2026-11-22")));
    assertThat(partition("2026-11-23")).isEqualTo(lines(output(NIGHTLY, 5, "2026-11-23")));
  }

  @Test
  @DisplayName("two threads promoting the same partitions leave exactly one run's complete output")
  void twoThreadsPromotingTheSamePartitions() throws Exception {
    CyclicBarrier bothReady = new CyclicBarrier(2);
    PromotionListener lineUp =
        new PromotionListener() {
          @Override
          public void beforePromotion(GoldTable promoted, String runId) {
            try {
              bothReady.await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        };
    PartitionPromotion nightly = promotion(NIGHTLY, 5, "2026-11-21", "2026-11-22").listener(lineUp);
    PartitionPromotion backfill =
        promotion(BACKFILL, 7, "2026-11-21", "2026-11-22").listener(lineUp);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<PromotionResult> first = threads.submit(nightly::commit);
      Future<PromotionResult> second = threads.submit(backfill::commit);
      first.get(120, TimeUnit.SECONDS);
      second.get(120, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    // Whichever thread committed first, the run that started later holds every partition,
    // completely.
    assertThat(TableContent.lines(spark, table.path()))
        .isEqualTo(lines(output(BACKFILL, 7, "2026-11-21", "2026-11-22")));
  }

  @Test
  @DisplayName(
      "a run that died between its commit and its lineage is recognised on retry without a new version")
  void aRunThatDiedBeforeItsLineageIsRecognisedOnRetry() {
    PromotionListener dieAfterCommit =
        new PromotionListener() {
          @Override
          public void committed(GoldTable promoted, String runId, long deltaVersion) {
            throw new IllegalStateException("simulated death after the commit");
          }
        };
    assertThatThrownBy(() -> promotion(NIGHTLY, 5, "2026-11-21").listener(dieAfterCommit).commit())
        .isInstanceOf(IllegalStateException.class);
    long version = version();
    assertThat(new GoldLineage(spark, lake).records("campaign_daily", "v1")).isEmpty();

    PromotionResult retry = promotion(NIGHTLY, 5, "2026-11-21").commit();

    assertThat(retry.alreadyPromoted()).containsExactly(LocalDate.parse("2026-11-21"));
    assertThat(version()).isEqualTo(version);
    List<LineageRecord> lineage = new GoldLineage(spark, lake).records("campaign_daily", "v1");
    assertThat(lineage).hasSize(1);
    assertThat(lineage.get(0).runId()).isEqualTo(NIGHTLY.runId());
    assertThat(lineage.get(0).deltaVersion()).isEqualTo(version);
  }

  @Test
  @DisplayName(
      "a promotion that cannot get the table lock gives up, saying another run is promoting")
  void aPromotionWithoutTheTableLockGivesUp() {
    try (LakeLock held =
        LakeLock.acquire(lake, "campaign_daily-v1", "run-other", Duration.ofSeconds(5))) {
      assertThat(held.isHeld()).isTrue();
      assertThatThrownBy(
              () ->
                  promotion(NIGHTLY, 5, "2026-11-21").lockTimeout(Duration.ofMillis(300)).commit())
          .isInstanceOf(ConcurrentPromotionException.class)
          .hasMessageContaining("another run is promoting campaign_daily v1 concurrently")
          .hasMessageContaining("run-other");
    }
    assertThat(version()).as("nothing was created or promoted").isEqualTo(-1);
  }

  @Test
  @DisplayName(
      "a commit that landed though its write reported a failure counts as promoted and is not repeated")
  void aCommitThatLandedDespiteAFailureCountsAsPromoted() {
    CommitThenFailLogStore.installFor(spark, table.path());
    CommitThenFailLogStore.failNextPromotionCommit(false);
    try {
      PromotionResult first = promotion(NIGHTLY, 5, "2026-11-21").commit();
      long landed = version();

      PromotionResult retry = promotion(NIGHTLY, 5, "2026-11-21").commit();

      assertThat(first.promoted()).containsExactly(LocalDate.parse("2026-11-21"));
      assertThat(first.committedVersion()).isEqualTo(landed);
      assertThat(retry.alreadyPromoted()).containsExactly(LocalDate.parse("2026-11-21"));
      assertThat(version()).isEqualTo(landed);
      assertThat(partition("2026-11-21")).isEqualTo(lines(output(NIGHTLY, 5, "2026-11-21")));
    } finally {
      CommitThenFailLogStore.heal();
    }
  }

  @Test
  @DisplayName(
      "a commit whose outcome cannot be told is reported unknown, keeps its staging, and its retry promotes it once")
  void anUnknownCommitOutcomeIsPromotedOnceOnRetry() {
    CommitThenFailLogStore.installFor(spark, table.path());
    CommitThenFailLogStore.failNextPromotionCommit(true);
    try {
      assertThatThrownBy(() -> promotion(NIGHTLY, 5, "2026-11-21").commit())
          .isInstanceOf(CommitStateUnknownException.class)
          .hasMessageContaining(
              "cannot tell whether [2026-11-21] of run " + NIGHTLY.runId() + " were promoted")
          .hasMessageContaining("run again with --run-id " + NIGHTLY.runId());
      assertThat(
              new File(lake.stagedPartition("campaign_daily", "v1", "2026-11-21", NIGHTLY.runId())))
          .as("the staging of a run whose commit may have landed is not cleaned up as if it failed")
          .exists();
    } finally {
      CommitThenFailLogStore.heal();
    }
    long landed = version();

    PromotionResult retry = promotion(NIGHTLY, 5, "2026-11-21").commit();

    assertThat(retry.alreadyPromoted()).containsExactly(LocalDate.parse("2026-11-21"));
    assertThat(version()).as("the retry adds no version").isEqualTo(landed);
    assertThat(partition("2026-11-21")).isEqualTo(lines(output(NIGHTLY, 5, "2026-11-21")));
    List<LineageRecord> lineage = new GoldLineage(spark, lake).records("campaign_daily", "v1");
    assertThat(lineage).hasSize(1);
    assertThat(lineage.get(0).runId()).isEqualTo(NIGHTLY.runId());
    assertThat(lineage.get(0).deltaVersion()).isEqualTo(landed);
  }
}
