package lakehouse.shared.delta;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.regexp_extract;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a Delta table's commit files ({@code _delta_log/NNN.json}, as Delta's protocol defines
 * them) to answer what the table API does not: which commit, made by which run, last changed each
 * partition. Covers the commits whose JSON files Delta still keeps (its log retention, 30 days by
 * default).
 */
public final class DeltaCommitLog {
  public static final String VERSION = "version";
  public static final String ACTION = "action";
  public static final String PATH = "path";
  public static final String PARTITION = "partition";
  public static final String RUN_ID = "run_id";
  public static final String COMMITTED_AT = "committed_at";

  /** The session setting whose value Delta records as every commit's user metadata: the run id. */
  public static final String USER_METADATA_SETTING =
      "spark.databricks.delta.commitInfo.userMetadata";

  private static final StructType FILE_ACTION =
      new StructType()
          .add("path", DataTypes.StringType)
          .add(
              "partitionValues",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
  private static final StructType LOG_LINE =
      new StructType()
          .add("add", FILE_ACTION)
          .add("remove", FILE_ACTION)
          .add(
              "commitInfo",
              new StructType()
                  .add("timestamp", DataTypes.LongType)
                  .add("userMetadata", DataTypes.StringType));

  private DeltaCommitLog() {}

  /**
   * One row per file action: version, action ("add" or "remove"), path, the value of the partition
   * column, the run id the commit recorded as its user metadata, and the commit time (epoch
   * millis).
   */
  public static Dataset<Row> fileActions(
      SparkSession spark, String tablePath, String partitionColumn) {
    Dataset<Row> lines =
        spark
            .read()
            .schema(LOG_LINE)
            .json(tablePath + "/_delta_log/*.json")
            .withColumn(
                VERSION,
                regexp_extract(input_file_name(), "(\\d+)\\.json$", 1).cast(DataTypes.LongType));
    Dataset<Row> commits =
        lines
            .where(col("commitInfo").isNotNull())
            .select(
                col(VERSION).as("commit_version"),
                runId(col("commitInfo.userMetadata")).as(RUN_ID),
                col("commitInfo.timestamp").as(COMMITTED_AT));
    Dataset<Row> adds = actions(lines, "add", partitionColumn);
    Dataset<Row> removes = actions(lines, "remove", partitionColumn);
    Dataset<Row> actions = adds.unionByName(removes);
    return actions
        .join(commits, actions.col(VERSION).equalTo(commits.col("commit_version")), "left")
        .drop("commit_version");
  }

  /**
   * The run id, whether the metadata is the run id itself or a JSON object holding it (gold
   * promotions).
   */
  private static Column runId(Column userMetadata) {
    return org.apache
        .spark
        .sql
        .functions
        .when(
            userMetadata.startsWith("{"),
            org.apache.spark.sql.functions.coalesce(
                org.apache.spark.sql.functions.get_json_object(userMetadata, "$.run_id"),
                org.apache.spark.sql.functions.get_json_object(userMetadata, "$.runId")))
        .otherwise(userMetadata);
  }

  private static Dataset<Row> actions(Dataset<Row> lines, String kind, String partitionColumn) {
    Column action = col(kind);
    return lines
        .where(action.isNotNull())
        .select(
            col(VERSION),
            org.apache.spark.sql.functions.lit(kind).as(ACTION),
            action.getField("path").as(PATH),
            action.getField("partitionValues").getItem(partitionColumn).as(PARTITION));
  }
}
