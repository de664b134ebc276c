package lakehouse.online.publish;

import java.time.Duration;
import java.util.Iterator;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.RedisEndpoint;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Writes rows of user_features to the online store, one hash per user ({@link FeatureHash}), each
 * replaced atomically unless it holds a later as_of_date ({@link ReplaceUnlessNewer}). The rows are
 * read in one Spark job whose tasks write their own partitions: one connection per partition, the
 * script loaded once on it and run by EVALSHA, writes pipelined with a bounded window ({@link
 * ReplacementPipeline}), so neither the driver nor an executor ever holds more than one window of
 * users. An optional limit paces the writes (keys per second, all tasks together).
 */
public final class FeaturePublisher {
  private final RedisEndpoint redis;
  private final Duration ttl;
  private final long maxKeysPerSecond;

  /** Writes as fast as Redis answers. */
  public FeaturePublisher(RedisEndpoint redis, Duration ttl) {
    this(redis, ttl, 0);
  }

  /**
   * @param maxKeysPerSecond keys written per second at most, all tasks together; 0 for no limit
   */
  public FeaturePublisher(RedisEndpoint redis, Duration ttl, long maxKeysPerSecond) {
    if (maxKeysPerSecond < 0) {
      throw new IllegalArgumentException(
          "keys per second must be 0 (no limit) or more, got " + maxKeysPerSecond);
    }
    this.redis = redis;
    this.ttl = ttl;
    this.maxKeysPerSecond = maxKeysPerSecond;
  }

  /**
   * Publishes the built date's rows. Its rows are read once, by the job that writes them: whether a
   * date with no rows was built at all is asked of gold's lineage only then.
   *
   * @throws FeaturesNotBuiltException if the date has no rows and was never built
   * @throws OnlineStoreException if Redis cannot be reached or fails during the writes; what was
   *     written is whole, and publishing again is safe
   */
  public PublishCounts publish(BuiltUserFeatures features) {
    PublishCounts counts = publish(features.rows());
    if (counts.rowsRead() == 0) {
      features.requireBuilt();
    }
    return counts;
  }

  /**
   * Publishes every row. Redis is reached from the driver first, so an unreachable store fails
   * before any Spark job starts.
   *
   * @throws OnlineStoreException if Redis cannot be reached or fails during the writes; what was
   *     written is whole, and publishing again is safe
   */
  public PublishCounts publish(Dataset<Row> userFeatures) {
    try (Jedis jedis = redis.connect()) {
      jedis.scriptLoad(ReplaceUnlessNewer.SOURCE);
    } catch (JedisException e) {
      throw OnlineStoreException.of(redis, e);
    }
    SparkContext spark = userFeatures.sparkSession().sparkContext();
    LongAccumulator rowsRead = spark.longAccumulator("publish rows read");
    LongAccumulator keysWritten = spark.longAccumulator("publish keys written");
    LongAccumulator keysKeptNewer = spark.longAccumulator("publish keys kept newer");
    try {
      // An action: Spark applies each successful task's accumulator updates once, so a retried task
      // (which writes its users again, with the same result) is not counted twice.
      userFeatures.foreachPartition(
          new PartitionWriter(
              redis,
              ttl.toMillis(),
              keysPerSecondPerTask(userFeatures),
              rowsRead,
              keysWritten,
              keysKeptNewer));
    } catch (Exception e) {
      JedisException redisFailure = redisCause(e);
      if (redisFailure != null) {
        throw OnlineStoreException.of(redis, redisFailure);
      }
      throw e;
    }
    return new PublishCounts(rowsRead.value(), keysWritten.value(), keysKeptNewer.value());
  }

  /**
   * The limit shared among the tasks that can write at once: the job's partitions, at most one per
   * executor core. Dataset.rdd is the RDD that foreachPartition then runs, so asking its partitions
   * plans the read once, not twice.
   */
  private double keysPerSecondPerTask(Dataset<Row> userFeatures) {
    if (maxKeysPerSecond == 0) {
      return 0;
    }
    int partitions = userFeatures.rdd().getNumPartitions();
    int cores = userFeatures.sparkSession().sparkContext().defaultParallelism();
    return (double) maxKeysPerSecond / Math.max(1, Math.min(partitions, cores));
  }

  /**
   * The Redis failure behind a failed Spark job (an executor's exception, wrapped by Spark), if
   * any.
   */
  static JedisException redisCause(Throwable failure) {
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof JedisException jedis) {
        return jedis;
      }
    }
    return null;
  }

  /** Runs on an executor, once per partition. */
  private record PartitionWriter(
      RedisEndpoint redis,
      long ttlMillis,
      double keysPerSecond,
      LongAccumulator rowsRead,
      LongAccumulator keysWritten,
      LongAccumulator keysKeptNewer)
      implements ForeachPartitionFunction<Row> {

    @Override
    public void call(Iterator<Row> rows) throws InterruptedException {
      if (!rows.hasNext()) {
        return;
      }
      WritePace pace = new WritePace(keysPerSecond);
      long read = 0;
      try (Jedis jedis = redis.connect()) {
        ReplacementPipeline pipeline = new ReplacementPipeline(jedis, ttlMillis);
        while (rows.hasNext()) {
          FeatureHash hash = PublishedColumns.hashOf(rows.next());
          read++;
          pace.awaitTurn();
          pipeline.replace(hash);
        }
        pipeline.finish();
        // Added once the partition is written whole: a task that fails adds nothing.
        rowsRead.add(read);
        keysWritten.add(pipeline.keysWritten());
        keysKeptNewer.add(pipeline.keysKeptNewer());
      }
    }
  }
}
