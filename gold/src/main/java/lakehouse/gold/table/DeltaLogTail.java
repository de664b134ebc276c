package lakehouse.gold.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.actions.FileAction;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * A Delta table's latest version and its commits after a version, read on the driver from the
 * commit files of its log ({@code _delta_log/<version>.json}, as Delta's protocol defines them).
 *
 * <p>Why not Delta's history API or a Spark read of the log: {@code DeltaTable.history} runs a
 * Spark job per call, and reading every commit file costs what the table's whole history costs.
 * This reads only the commits asked for, so the cost of a question about the last few nights stays
 * the same however long the table has lived. Uses Delta's DeltaLog, an internal Scala API.
 */
public final class DeltaLogTail {
  private DeltaLogTail() {}

  /**
   * One commit of the table.
   *
   * @param timestamp when the writer committed (the commit's own record)
   * @param userMetadata the commit's user metadata, if any
   * @param partitionValues the values of the partition column among the files the commit added or
   *     removed as a change of data, sorted; files only rearranged (compaction, {@code dataChange}
   *     false) change no value
   */
  public record Commit(
      long version,
      Instant timestamp,
      Optional<String> userMetadata,
      List<String> partitionValues) {
    public Commit {
      partitionValues = List.copyOf(partitionValues);
    }
  }

  /**
   * The table's latest version, -1 when there is no table at the path. Lists the log; runs no Spark
   * job.
   */
  public static long latestVersion(SparkSession spark, String path) {
    return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
  }

  /**
   * The commits with versions in [{@code from}, {@code to}], oldest first. Commits whose files
   * Delta no longer keeps (past its log retention) are missing from the list, so a caller that
   * needs every one checks the first version it got.
   *
   * @param partitionColumn whose values to collect from the commits' file actions
   */
  public static List<Commit> commits(
      SparkSession spark, String path, String partitionColumn, long from, long to) {
    List<Commit> commits = new ArrayList<>();
    if (to < Math.max(from, 0)) {
      return commits;
    }
    DeltaLog log = DeltaLog.forTable(spark, path);
    scala.collection.Iterator<Tuple2<Object, scala.collection.Seq<Action>>> changes =
        log.getChanges(Math.max(from, 0), to, false);
    while (changes.hasNext()) {
      Tuple2<Object, scala.collection.Seq<Action>> change = changes.next();
      long version = (Long) change._1();
      Instant timestamp = Instant.EPOCH;
      Optional<String> userMetadata = Optional.empty();
      TreeSet<String> values = new TreeSet<>();
      for (Action action : JavaConverters.seqAsJavaList(change._2())) {
        if (action instanceof CommitInfo info) {
          timestamp = info.timestamp().toInstant();
          userMetadata = Optional.ofNullable(info.userMetadata().getOrElse(() -> null));
        } else if (action instanceof FileAction file
            && file.dataChange()
            && file.partitionValues() != null) {
          Option<String> value = file.partitionValues().get(partitionColumn);
          if (value.isDefined() && value.get() != null) {
            values.add(value.get());
          }
        }
      }
      commits.add(new Commit(version, timestamp, userMetadata, new ArrayList<>(values)));
    }
    return commits;
  }
}
