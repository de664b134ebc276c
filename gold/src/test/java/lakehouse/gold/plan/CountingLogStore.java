package lakehouse.gold.plan;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * A Delta log store that counts the commit files read through it on the driver. Used by one table
 * only: {@link #installFor} gives that table's log this store and leaves every other table of the
 * test session on the default one.
 */
public final class CountingLogStore extends io.delta.storage.HDFSLogStore {
  private static final String LOG_STORE_CLASS = "spark.delta.logStore.class";
  private static final AtomicInteger COMMIT_FILES_READ = new AtomicInteger();

  public CountingLogStore(Configuration hadoop) {
    super(hadoop);
  }

  /**
   * Gives the table's Delta log this store: Delta keeps one log object per table, so the cached
   * ones are dropped and the table's is made again with this store.
   */
  static void installFor(SparkSession spark, String tablePath) {
    SparkConf live = SparkEnv.get().conf();
    live.set(LOG_STORE_CLASS, CountingLogStore.class.getName());
    try {
      DeltaLog.clearCache();
      DeltaLog.forTable(spark, tablePath).store();
    } finally {
      live.remove(LOG_STORE_CLASS);
    }
  }

  static int commitFilesRead() {
    return COMMIT_FILES_READ.get();
  }

  static void reset() {
    COMMIT_FILES_READ.set(0);
  }

  @Override
  public io.delta.storage.CloseableIterator<String> read(Path path, Configuration hadoop)
      throws IOException {
    if (path.getName().matches("\\d{20}\\.json")) {
      COMMIT_FILES_READ.incrementAndGet();
    }
    return super.read(path, hadoop);
  }
}
