package lakehouse.gold.promotion;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import lakehouse.gold.table.GoldTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.DeltaOptions;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.FileAction;
import org.apache.spark.sql.delta.actions.Format;
import org.apache.spark.sql.delta.actions.Metadata;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The first promotion into a gold table: one Delta commit that creates the table with its declared
 * schema and adds the staged rows. Uses Delta's transaction API (internal Scala) for what the
 * public writers cannot do in one commit: a table created by a DataFrame write stores every column
 * as nullable, and creating it first costs a commit of its own plus a reconstruction of that empty
 * snapshot before the first write.
 *
 * <p>Two runs creating the table at once: Delta lets one commit version 0 and refuses the other
 * with a concurrent modification, which the promotion retries against the created table.
 */
final class CreatingCommit {
  private CreatingCommit() {}

  /**
   * Creates the table and adds the rows in one commit.
   *
   * @param predicate what the commit records as the partitions it wrote, as a replaceWhere would
   * @param maxRowsPerFile 0 leaves files as the rows come
   */
  static void commit(
      SparkSession spark,
      GoldTable table,
      Dataset<Row> rows,
      String predicate,
      String userMetadata,
      long maxRowsPerFile) {
    OptimisticTransaction transaction =
        DeltaLog.forTable(spark, table.path()).startTransaction(Option.empty(), Option.empty());
    Seq<String> partitionColumns =
        JavaConverters.asScalaBuffer(List.of(table.partitionColumn())).toList();
    transaction.updateMetadataForNewTable(
        new Metadata(
            UUID.randomUUID().toString(),
            null,
            null,
            new Format("parquet", scalaMap(Map.of())),
            table.schema().json(),
            partitionColumns,
            scalaMap(Map.of()),
            Option.<Object>apply(System.currentTimeMillis())));
    Map<String, String> options =
        maxRowsPerFile > 0 ? Map.of("maxRecordsPerFile", Long.toString(maxRowsPerFile)) : Map.of();
    // Writing through the transaction enforces the declared NOT NULL columns, as any Delta write.
    Seq<FileAction> files =
        transaction.writeFiles(
            rows, Option.apply(new DeltaOptions(scalaMap(options), spark.sessionState().conf())));
    transaction.commit(
        actions(files),
        new DeltaOperations.Write(
            SaveMode.Overwrite,
            Option.apply(partitionColumns),
            Option.apply(predicate),
            Option.apply(userMetadata)));
  }

  @SuppressWarnings("unchecked") // Scala's Seq is covariant: file actions are actions
  private static Seq<Action> actions(Seq<FileAction> files) {
    return (Seq<Action>) (Seq<?>) files;
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
    return scala.collection.immutable.Map$.MODULE$
        .<String, String>empty()
        .$plus$plus(JavaConverters.mapAsScalaMap(map));
  }
}
