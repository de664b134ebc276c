package lakehouse.gold;

import lakehouse.gold.table.DeltaLogTail;
import lakehouse.shared.lake.LakeLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A silver table read at one pinned Delta version, so that the version recorded in lineage is
 * exactly the one the features were computed from, even if silver commits again during the run.
 *
 * @param name the table's lake-relative path, as lineage records it
 * @param version the Delta version read; -1 if the table does not exist yet (read as empty)
 */
record SilverInput(String name, long version, Dataset<Row> rows) {

  static SilverInput pin(SparkSession spark, LakeLayout lake, String path, StructType schema) {
    long version = DeltaLogTail.latestVersion(spark, path);
    Dataset<Row> rows =
        version < 0
            ? spark.createDataFrame(java.util.List.of(), schema)
            : spark.read().format("delta").option("versionAsOf", version).load(path);
    return new SilverInput(lake.relativize(path), version, rows);
  }
}
