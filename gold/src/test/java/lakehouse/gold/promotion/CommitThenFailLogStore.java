package lakehouse.gold.promotion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * A Delta log store that writes a promotion's commit file and then fails, as a store whose
 * connection drops after it took the write does; optionally the log then cannot be read either, so
 * that nobody can tell whether the commit landed. Used by one table only: {@link #installFor} gives
 * that table's log this store and leaves every other table of the test session on the default one.
 */
public final class CommitThenFailLogStore extends io.delta.storage.HDFSLogStore {
  private static final String LOG_STORE_CLASS = "spark.delta.logStore.class";

  private static volatile boolean failNextPromotionCommit;
  private static volatile boolean logUnreadableAfterIt;
  private static volatile boolean logUnreadable;

  public CommitThenFailLogStore(Configuration hadoop) {
    super(hadoop);
  }

  /**
   * Gives the table's Delta log this store (Delta keeps one log object per table, made on first
   * use).
   */
  static void installFor(SparkSession spark, String tablePath) {
    SparkConf live = SparkEnv.get().conf();
    live.set(LOG_STORE_CLASS, CommitThenFailLogStore.class.getName());
    try {
      DeltaLog.forTable(spark, tablePath).store();
    } finally {
      live.remove(LOG_STORE_CLASS);
    }
  }

  /** The next commit carrying a promotion's metadata is written, then reported failed. */
  static void failNextPromotionCommit(boolean thenLogUnreadable) {
    logUnreadableAfterIt = thenLogUnreadable;
    failNextPromotionCommit = true;
  }

  /** The log can be read again, as after the network came back. */
  static void heal() {
    failNextPromotionCommit = false;
    logUnreadable = false;
  }

  @Override
  public void write(Path path, Iterator<String> actions, Boolean overwrite, Configuration hadoop)
      throws IOException {
    List<String> lines = new ArrayList<>();
    actions.forEachRemaining(lines::add);
    super.write(path, lines.iterator(), overwrite, hadoop);
    boolean promotion = lines.stream().anyMatch(line -> line.contains("\"userMetadata\""));
    if (failNextPromotionCommit && promotion && path.getName().matches("\\d{20}\\.json")) {
      failNextPromotionCommit = false;
      logUnreadable = logUnreadableAfterIt;
      throw new IOException("connection reset after writing " + path.getName());
    }
  }

  @Override
  public Iterator<FileStatus> listFrom(Path path, Configuration hadoop) throws IOException {
    if (logUnreadable) {
      throw new IOException("connection reset while listing " + path.getParent());
    }
    return super.listFrom(path, hadoop);
  }
}
