package lakehouse.gold.training;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_seconds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Point-in-time training rows: each numbered entity row with the features that were known before
 * its day, one output row per entity row.
 *
 * <p>{@code user_features} as of A hold activity up to the end of day A, so they are usable from
 * day A+1 on: a row of event date D gets the user's row of the latest {@code as_of_date} strictly
 * before D (the latest the user has, as Feast's as-of join does; a user absent from later dates had
 * no event in their windows). It is null when the user has none, or when it is older than the
 * maximum age: features as of A are kept while {@code D - A <= maxAgeDays}, so with 7 days an
 * example on D gets features as of D-7 but not D-8. {@code campaign_daily} of D-1 is joined exactly
 * (a campaign with no row that day gets nulls). The event date is the UTC date of {@code
 * event_timestamp}, whatever the session's time zone.
 *
 * <p>Feature columns are prefixed with their table's name and two underscores ({@code
 * user_features__clicks_7d}, {@code campaign_daily__ctr}), as Feast's full feature names are: no
 * entity column is ever shadowed, and the source of every column is plain. The join keys are not
 * repeated; the date and run of the features are ({@code user_features__as_of_date}, {@code
 * campaign_daily__event_date}, {@code ..._run_id}). Rows without a user id or timestamp are kept,
 * with null features.
 *
 * <p>The as-of join is a window over the union of entity keys and feature keys, partitioned by
 * user: no row is sent to the driver, and the cost is one shuffle of the keys plus equi-joins.
 */
public final class PointInTimeJoin {
  public static final String USER_FEATURES_PREFIX = UserFeatures.NAME + "__";
  public static final String CAMPAIGN_DAILY_PREFIX = CampaignDaily.NAME + "__";

  private static final String EVENT_DATE = "_event_date";
  private static final String VISIBLE_FROM = "_visible_from";
  private static final String IS_ENTITY = "_is_entity";
  private static final String AS_OF = "_as_of";
  private static final String KEY = "_key";
  private static final String KEY_PREFIX = "_join_";
  private static final String CAMPAIGN = "_campaign";
  private static final String DAY_BEFORE = "_day_before";
  private static final int SECONDS_PER_DAY = 86_400;

  private PointInTimeJoin() {}

  /**
   * The entity rows, in any order, each with its feature columns.
   *
   * @param entities numbered entity rows ({@link NumberedEntities})
   * @param userFeatures user_features rows; empty when not asked for
   * @param campaignDaily campaign_daily rows; empty when not asked for, or the entities have no
   *     campaign_id
   */
  public static Dataset<Row> join(
      Dataset<Row> entities,
      Optional<Dataset<Row>> userFeatures,
      Optional<Dataset<Row>> campaignDaily,
      int maxAgeDays) {
    Dataset<Row> dated =
        entities.withColumn(EVENT_DATE, utcDate(col(EntityColumns.EVENT_TIMESTAMP)));
    Dataset<Row> result = entities;
    if (userFeatures.isPresent()) {
      result =
          result.join(
              latestUserFeatures(dated, userFeatures.get(), maxAgeDays),
              result.col(EntityColumns.ROW_NUMBER).equalTo(col(KEY)),
              "left");
      result = result.drop(KEY);
    }
    if (campaignDaily.isPresent()) {
      result =
          result.join(
              dayBeforeCampaigns(dated, campaignDaily.get()),
              result.col(EntityColumns.ROW_NUMBER).equalTo(col(KEY)),
              "left");
      result = result.drop(KEY);
    }
    return result;
  }

  /** The UTC date of a timestamp, computed from epoch seconds so no session time zone applies. */
  static Column utcDate(Column timestamp) {
    Column seconds = unix_seconds(timestamp.cast(DataTypes.TimestampType));
    return date_from_unix_date(floor(seconds.divide(SECONDS_PER_DAY)).cast(DataTypes.IntegerType));
  }

  /** Row number to the prefixed user_features columns of the latest row visible on its date. */
  private static Dataset<Row> latestUserFeatures(
      Dataset<Row> dated, Dataset<Row> userFeatures, int maxAgeDays) {
    Dataset<Row> keys =
        dated
            .where(col(EntityColumns.USER_ID).isNotNull().and(col(EVENT_DATE).isNotNull()))
            .select(
                col(EntityColumns.USER_ID).cast(DataTypes.StringType).as(UserFeatures.USER_ID),
                col(EVENT_DATE).as(VISIBLE_FROM),
                lit(true).as(IS_ENTITY),
                col(EntityColumns.ROW_NUMBER).as(KEY),
                lit(null).cast(DataTypes.DateType).as(AS_OF));
    // A feature row of A becomes visible on A+1; on the same day it sorts before the entity rows.
    Dataset<Row> visible =
        userFeatures.select(
            col(UserFeatures.USER_ID),
            date_add(col(UserFeatures.AS_OF_DATE), 1).as(VISIBLE_FROM),
            lit(false).as(IS_ENTITY),
            lit(null).cast(DataTypes.LongType).as(KEY),
            col(UserFeatures.AS_OF_DATE).as(AS_OF));
    WindowSpec upToThisRow =
        Window.partitionBy(UserFeatures.USER_ID)
            .orderBy(col(VISIBLE_FROM), col(IS_ENTITY))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> latest =
        keys.unionByName(visible)
            .withColumn(AS_OF, last(col(AS_OF), true).over(upToThisRow))
            .where(col(IS_ENTITY))
            .where(col(AS_OF).geq(date_sub(col(VISIBLE_FROM), maxAgeDays)))
            .select(col(KEY), col(UserFeatures.USER_ID), col(AS_OF));
    Dataset<Row> prefixed = prefixed(userFeatures, USER_FEATURES_PREFIX, UserFeatures.USER_ID);
    return latest
        .join(
            prefixed,
            latest
                .col(UserFeatures.USER_ID)
                .equalTo(prefixed.col(KEY_PREFIX + UserFeatures.USER_ID))
                .and(
                    latest
                        .col(AS_OF)
                        .equalTo(prefixed.col(USER_FEATURES_PREFIX + UserFeatures.AS_OF_DATE))))
        .drop(UserFeatures.USER_ID, AS_OF, KEY_PREFIX + UserFeatures.USER_ID);
  }

  /** Row number to the prefixed campaign_daily columns of its campaign on the day before. */
  private static Dataset<Row> dayBeforeCampaigns(Dataset<Row> dated, Dataset<Row> campaignDaily) {
    Dataset<Row> keys =
        dated
            .where(col(EntityColumns.CAMPAIGN_ID).isNotNull().and(col(EVENT_DATE).isNotNull()))
            .select(
                col(EntityColumns.ROW_NUMBER).as(KEY),
                col(EntityColumns.CAMPAIGN_ID).cast(DataTypes.StringType).as(CAMPAIGN),
                date_sub(col(EVENT_DATE), 1).as(DAY_BEFORE));
    Dataset<Row> prefixed =
        prefixed(campaignDaily, CAMPAIGN_DAILY_PREFIX, CampaignDaily.CAMPAIGN_ID);
    return keys.join(
            prefixed,
            keys.col(CAMPAIGN)
                .equalTo(prefixed.col(KEY_PREFIX + CampaignDaily.CAMPAIGN_ID))
                .and(
                    keys.col(DAY_BEFORE)
                        .equalTo(prefixed.col(CAMPAIGN_DAILY_PREFIX + CampaignDaily.EVENT_DATE))))
        .drop(CAMPAIGN, DAY_BEFORE, KEY_PREFIX + CampaignDaily.CAMPAIGN_ID);
  }

  /**
   * The table's columns under the prefix, but its key column, kept under a private name for the
   * join and dropped after it.
   */
  private static Dataset<Row> prefixed(Dataset<Row> table, String prefix, String keyColumn) {
    List<Column> columns = new ArrayList<>();
    for (String name : table.columns()) {
      columns.add(col(name).as(name.equals(keyColumn) ? KEY_PREFIX + name : prefix + name));
    }
    return table.select(columns.toArray(new Column[0]));
  }

  /** The names the join adds, to check that no entity column already has one. */
  public static boolean addedName(String column) {
    return column.equals(EntityColumns.ROW_NUMBER)
        || column.startsWith(USER_FEATURES_PREFIX)
        || column.startsWith(CAMPAIGN_DAILY_PREFIX)
        || column.startsWith("_");
  }
}
