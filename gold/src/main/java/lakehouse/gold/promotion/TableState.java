package lakehouse.gold.promotion;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * The facts a promotion needs about a Delta table's latest snapshot, read on the driver from the
 * log. Uses Delta's DeltaLog, an internal Scala API: the public DeltaTable.detail() answers the
 * same but runs a Spark job per call, which costs more than the rest of a small promotion.
 *
 * @param version -1 when the table does not exist
 * @param tableId Delta's table id (changes when a table is dropped and recreated); null when absent
 */
record TableState(long version, String tableId, StructType schema) {

  static TableState read(SparkSession spark, String path) {
    Snapshot snapshot =
        DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty());
    if (snapshot.version() < 0) {
      return new TableState(-1, null, null);
    }
    return new TableState(snapshot.version(), snapshot.metadata().id(), snapshot.schema());
  }

  boolean exists() {
    return version >= 0;
  }
}
