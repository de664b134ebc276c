package lakehouse.gold.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointInTimeJoinTest {
  private static final StructType ENTITIES =
      new StructType()
          .add(EntityColumns.USER_ID, DataTypes.StringType)
          .add(EntityColumns.EVENT_TIMESTAMP, DataTypes.TimestampType)
          .add(EntityColumns.CAMPAIGN_ID, DataTypes.StringType)
          .add("label", DataTypes.IntegerType);

  private final SparkSession spark = TestSpark.session();

  private static Row entity(String user, String at, String campaign, Integer label) {
    return RowFactory.create(
        user, at == null ? null : Timestamp.from(Instant.parse(at)), campaign, label);
  }

  /**
   * A user_features row of that date whose impressions_1d tells which date it is (day of month).
   */
  private static Row features(String user, String asOf) {
    long day = Date.valueOf(asOf).toLocalDate().getDayOfMonth();
    return RowFactory.create(
        Date.valueOf(asOf),
        user,
        day,
        0L,
        0L,
        day,
        0L,
        0L,
        0L,
        null,
        1,
        Timestamp.from(Instant.parse(asOf + "T12:00:00Z")),
        "v1",
        "run-" + asOf);
  }

  private static Row campaign(String campaign, String date, long impressions) {
    return RowFactory.create(
        campaign, Date.valueOf(date), impressions, 0L, 0L, 0L, 1L, null, "run-" + date);
  }

  private Dataset<Row> join(List<Row> entities, List<Row> userFeatures, int maxAgeDays) {
    return join(entities, userFeatures, List.of(), maxAgeDays);
  }

  private Dataset<Row> join(
      List<Row> entities, List<Row> userFeatures, List<Row> campaigns, int maxAgeDays) {
    Dataset<Row> numbered =
        NumberedEntities.number(spark.createDataFrame(entities, ENTITIES).coalesce(1));
    return PointInTimeJoin.join(
            numbered,
            Optional.of(spark.createDataFrame(userFeatures, UserFeatures.SCHEMA)),
            Optional.of(spark.createDataFrame(campaigns, CampaignDaily.SCHEMA)),
            maxAgeDays)
        .orderBy(EntityColumns.ROW_NUMBER);
  }

  private static Object asOf(Row row) {
    return row.getAs(PointInTimeJoin.USER_FEATURES_PREFIX + UserFeatures.AS_OF_DATE);
  }

  @Test
  @DisplayName("an example one second into day D gets features as of D-1, never D")
  void anExampleAtTheStartOfItsDayGetsTheDayBefore() {
    List<Row> rows =
        join(
                List.of(entity("u1", "2026-11-24T00:00:01Z", null, 1)),
                List.of(
                    features("u1", "2026-11-22"),
                    features("u1", "2026-11-23"),
                    features("u1", "2026-11-24")),
                7)
            .collectAsList();

    assertThat(asOf(rows.get(0))).isEqualTo(Date.valueOf("2026-11-23"));
    assertThat((Long) rows.get(0).getAs("user_features__impressions_1d")).isEqualTo(23L);
  }

  @Test
  @DisplayName("an example before any feature of its user, or of an unknown user, gets nulls")
  void anExampleBeforeAnyFeatureGetsNulls() {
    List<Row> rows =
        join(
                List.of(
                    entity("u1", "2026-11-20T12:00:00Z", null, 0),
                    entity("u1", "2026-11-21T23:59:59Z", null, 0),
                    entity("nobody", "2026-11-25T12:00:00Z", null, 0)),
                List.of(features("u1", "2026-11-21")),
                7)
            .collectAsList();

    assertThat(rows).hasSize(3);
    assertThat(rows).allSatisfy(row -> assertThat(asOf(row)).isNull());
    assertThat(rows.get(0).<Object>getAs("user_features__impressions_7d")).isNull();
  }

  @Test
  @DisplayName("with a maximum age of 7 days, features as of D-7 are kept and as of D-8 are null")
  void theMaximumAgeKeepsSevenDaysAndNotEight() {
    List<Row> rows =
        join(
                List.of(
                    entity("u1", "2026-11-17T08:00:00Z", null, 0),
                    entity("u1", "2026-11-18T08:00:00Z", null, 0)),
                List.of(features("u1", "2026-11-10")),
                7)
            .collectAsList();

    assertThat(asOf(rows.get(0))).isEqualTo(Date.valueOf("2026-11-10"));
    assertThat(asOf(rows.get(1))).isNull();
  }

  @Test
  @DisplayName("labels, extra columns, duplicates, null keys and input order are all kept")
  void everyEntityRowIsKeptInOrderWithItsColumns() {
    Row example = entity("u1", "2026-11-24T10:00:00Z", "c1", 1);
    Dataset<Row> joined =
        join(
            List.of(
                example,
                entity(null, "2026-11-24T10:00:00Z", "c1", 0),
                example,
                entity("u1", null, "c1", 1),
                entity("u2", "2026-11-24T10:00:00Z", null, 0)),
            List.of(features("u1", "2026-11-23")),
            List.of(campaign("c1", "2026-11-23", 40), campaign("c1", "2026-11-24", 99)),
            7);
    List<Row> rows = joined.collectAsList();

    assertThat(rows)
        .extracting(row -> row.<Long>getAs(EntityColumns.ROW_NUMBER))
        .containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(rows).extracting(row -> row.<Integer>getAs("label")).containsExactly(1, 0, 1, 1, 0);
    assertThat(rows)
        .extracting(PointInTimeJoinTest::asOf)
        .containsExactly(Date.valueOf("2026-11-23"), null, Date.valueOf("2026-11-23"), null, null);
    assertThat(rows)
        .extracting(row -> row.<Object>getAs("campaign_daily__impressions"))
        .containsExactly(40L, 40L, 40L, null, null);
    assertThat(Arrays.asList(joined.columns()))
        .startsWith(
            EntityColumns.USER_ID,
            EntityColumns.EVENT_TIMESTAMP,
            EntityColumns.CAMPAIGN_ID,
            "label",
            EntityColumns.ROW_NUMBER)
        .contains("user_features__run_id", "campaign_daily__event_date")
        .doesNotContain("user_features__user_id", "campaign_daily__campaign_id");
  }
}
