package lakehouse.shared.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The table {@code gold/_lineage}: one row per promoted gold partition per promotion, naming the
 * Delta versions of the silver tables it was built from. Unpartitioned: it stays small.
 */
public final class Lineage {
  public static final String NAME = "_lineage";

  public static final String TABLE = "table";
  public static final String VERSION = "version";
  public static final String PARTITION_KEY = "partition_key";
  public static final String RUN_ID = "run_id";
  public static final String RUN_STARTED_AT = "run_started_at";
  public static final String PROMOTED_AT = "promoted_at";
  public static final String DELTA_TABLE_ID = "delta_table_id";
  public static final String DELTA_VERSION = "delta_version";
  public static final String ROW_COUNT = "row_count";
  public static final String INPUT_VERSIONS = "input_versions";
  public static final String PROMOTION_ID = "promotion_id";

  public static final StructType SCHEMA =
      new StructType()
          .add(TABLE, DataTypes.StringType, false)
          .add(VERSION, DataTypes.StringType, false)
          .add(PARTITION_KEY, DataTypes.StringType, false)
          .add(RUN_ID, DataTypes.StringType, false)
          .add(RUN_STARTED_AT, DataTypes.TimestampType, false)
          .add(PROMOTED_AT, DataTypes.TimestampType, false)
          .add(DELTA_TABLE_ID, DataTypes.StringType, false)
          .add(DELTA_VERSION, DataTypes.LongType, false)
          .add(ROW_COUNT, DataTypes.LongType, false)
          .add(
              INPUT_VERSIONS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false)
          .add(PROMOTION_ID, DataTypes.StringType, false);

  private Lineage() {}
}
