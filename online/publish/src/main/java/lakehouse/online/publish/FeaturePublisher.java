package lakehouse.online.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.RedisEndpoint;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Writes rows of user_features to the online store, one hash per user ({@link FeatureHash}), each
 * replaced atomically unless it holds a later as_of_date ({@link ReplaceUnlessNewer}). The
 * executors write their own partitions: one connection per partition, writes pipelined in batches
 * of {@link #BATCH_KEYS}, so neither the driver nor an executor ever holds more than one batch.
 */
public final class FeaturePublisher {
  /**
   * Keys per pipelined round trip: few round trips, and a bounded number of requests and answers in
   * memory.
   */
  static final int BATCH_KEYS = 500;

  private final RedisEndpoint redis;
  private final Duration ttl;

  public FeaturePublisher(RedisEndpoint redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
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
          new PartitionWriter(redis, ttl.toMillis(), rowsRead, keysWritten, keysKeptNewer));
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
   * The Redis failure behind a failed Spark job (an executor's exception, wrapped by Spark), if
   * any.
   */
  private static JedisException redisCause(Throwable failure) {
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
      LongAccumulator rowsRead,
      LongAccumulator keysWritten,
      LongAccumulator keysKeptNewer)
      implements ForeachPartitionFunction<Row> {

    @Override
    public void call(Iterator<Row> rows) {
      if (!rows.hasNext()) {
        return;
      }
      try (Jedis jedis = redis.connect()) {
        // Loaded on this connection rather than trusted from the driver: the executor may reach
        // another server of the same address (a failover), whose script cache is its own.
        String script = jedis.scriptLoad(ReplaceUnlessNewer.SOURCE);
        Pipeline pipeline = jedis.pipelined();
        List<Response<Object>> batch = new ArrayList<>(BATCH_KEYS);
        while (rows.hasNext()) {
          FeatureHash hash = PublishedColumns.hashOf(rows.next());
          rowsRead.add(1);
          batch.add(
              pipeline.evalsha(
                  script,
                  ReplaceUnlessNewer.keys(hash),
                  ReplaceUnlessNewer.arguments(hash, ttlMillis)));
          if (batch.size() == BATCH_KEYS) {
            flush(pipeline, batch);
          }
        }
        flush(pipeline, batch);
      }
    }

    private void flush(Pipeline pipeline, List<Response<Object>> batch) {
      pipeline.sync();
      for (Response<Object> answer : batch) {
        if ((Long) answer.get() == ReplaceUnlessNewer.REPLACED) {
          keysWritten.add(1);
        } else {
          keysKeptNewer.add(1);
        }
      }
      batch.clear();
    }
  }
}
