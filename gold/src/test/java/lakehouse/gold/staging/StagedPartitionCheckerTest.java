package lakehouse.gold.staging;

import static lakehouse.gold.CampaignRows.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lakehouse.gold.CampaignRows;
import lakehouse.gold.TableContent;
import lakehouse.gold.promotion.PartitionPromotion;
import lakehouse.gold.promotion.RunStart;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedPartitionCheckerTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-21");

  @TempDir Path root;
  private final SparkSession spark = TestSpark.session();
  private LakeLayout lake;
  private GoldTable table;
  private StagedPartitionChecker checker;

  @BeforeEach
  void setUp() {
    lake = new LakeLayout(root.toString());
    table = GoldTable.campaignDaily(lake, "v1");
    checker = new StagedPartitionChecker(spark);
    // The table already holds an earlier run's partition: a refused run must leave it as it is.
    new PartitionPromotion(
            spark, lake, table, new RunStart("run-0", Instant.parse("2026-11-21T01:00:00Z")))
        .addAll(
            CampaignRows.checked(
                spark,
                lake,
                table,
                "run-0",
                List.of("2026-11-21"),
                List.of(campaign("c1", "2026-11-21", 5, "run-0"))))
        .commit();
  }

  /** Writes rows as a run's staged partition by hand, the way a faulty writer could. */
  private StagedPartition stagedByHand(List<Row> rows, long computedRows) {
    String path = table.stagedPartition(lake, DAY, "run-1");
    CampaignRows.frame(spark, rows).coalesce(1).write().mode("overwrite").parquet(path);
    return new StagedPartition(table, DAY, "run-1", path, computedRows, 1);
  }

  private void assertTableUnchanged(long version, List<String> content) {
    assertThat(DeltaPartitionWriter.version(spark, table.path())).isEqualTo(version);
    assertThat(TableContent.lines(spark, table.path())).isEqualTo(content);
  }

  @Test
  @DisplayName("a row outside its partition key is refused, naming table, partition and check")
  void aRowOutsideItsPartitionKeyIsRefused() {
    long version = DeltaPartitionWriter.version(spark, table.path());
    List<String> content = TableContent.lines(spark, table.path());
    StagedPartition staged =
        stagedByHand(
            List.of(
                campaign("c1", "2026-11-21", 3, "run-1"), campaign("c2", "2026-11-22", 4, "run-1")),
            2);

    assertThatThrownBy(() -> checker.check(staged))
        .isInstanceOfSatisfying(
            StagingCheckFailedException.class,
            refused -> assertThat(refused.check()).isEqualTo(StagingCheck.PARTITION_KEY))
        .hasMessageContaining("campaign_daily v1 partition event_date=2026-11-21")
        .hasMessageContaining("partition_key")
        .hasMessageContaining("run-1");
    assertTableUnchanged(version, content);
  }

  @Test
  void aDuplicateKeyIsRefusedNamingTheDuplicate() {
    long version = DeltaPartitionWriter.version(spark, table.path());
    List<String> content = TableContent.lines(spark, table.path());
    StagedPartition staged =
        stagedByHand(
            List.of(
                campaign("c1", "2026-11-21", 3, "run-1"),
                campaign("c1", "2026-11-21", 4, "run-1"),
                campaign("c2", "2026-11-21", 4, "run-1")),
            3);

    assertThatThrownBy(() -> checker.check(staged))
        .isInstanceOfSatisfying(
            StagingCheckFailedException.class,
            refused -> assertThat(refused.check()).isEqualTo(StagingCheck.KEY_UNIQUENESS))
        .hasMessageContaining("campaign_id 'c1' appears 2 times");
    assertTableUnchanged(version, content);
  }

  @Test
  @DisplayName("staged files holding other than the computed row count are refused")
  void stagedFilesWithAnotherRowCountAreRefused() {
    StagedPartition staged = stagedByHand(List.of(campaign("c1", "2026-11-21", 3, "run-1")), 2);

    assertThatThrownBy(() -> checker.check(staged))
        .isInstanceOfSatisfying(
            StagingCheckFailedException.class,
            refused -> assertThat(refused.check()).isEqualTo(StagingCheck.ROW_COUNT));
  }

  @Test
  void stagedFilesWithOtherColumnsThanTheTableAreRefused() {
    String path = table.stagedPartition(lake, DAY, "run-1");
    CampaignRows.frame(spark, List.of(campaign("c1", "2026-11-21", 3, "run-1")))
        .drop(CampaignDaily.CTR)
        .write()
        .mode("overwrite")
        .parquet(path);
    StagedPartition staged = new StagedPartition(table, DAY, "run-1", path, 1, 1);

    assertThatThrownBy(() -> checker.check(staged))
        .isInstanceOfSatisfying(
            StagingCheckFailedException.class,
            refused -> assertThat(refused.check()).isEqualTo(StagingCheck.SCHEMA));
  }

  @Test
  void aPartitionThatPassesEveryCheckCanBePromoted() {
    StagedPartition staged =
        stagedByHand(
            List.of(
                campaign("c1", "2026-11-21", 3, "run-1"), campaign("c2", "2026-11-21", 4, "run-1")),
            2);

    assertThat(checker.check(staged).staged()).isEqualTo(staged);
  }
}
