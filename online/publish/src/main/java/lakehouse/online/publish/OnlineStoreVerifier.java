package lakehouse.online.publish;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.client.OnlineFeatureClient;
import lakehouse.online.client.OnlineFeatures;
import lakehouse.online.client.RedisEndpoint;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Checks that the online store holds what gold says: for a sample of a date's users ({@link
 * VerificationSample}), reads each user's hash with the serving client ({@link
 * OnlineFeatureClient}) and compares every field with the hash publish writes for the user's row
 * ({@link StoredHashComparison}).
 *
 * <p>The comparison runs on the executors, like the publish: each task opens one client, reads its
 * users in pipelined batches of {@link #BATCH} and returns one small {@link VerificationTally}, so
 * neither the driver nor a task holds more than a batch of users, and a sample as large as the
 * whole date (the sample size set high) costs no more memory than a small one.
 */
public final class OnlineStoreVerifier {
  /** Users read in one pipelined round trip. */
  static final int BATCH = 500;

  private final RedisEndpoint redis;

  public OnlineStoreVerifier(RedisEndpoint redis) {
    this.redis = redis;
  }

  /**
   * Verifies a built date's users against the store.
   *
   * @throws FeaturesNotBuiltException if the date has no rows and was never built
   * @throws OnlineStoreException if Redis cannot be reached or fails during the reads
   */
  public VerificationTally verify(VerificationSample sample, BuiltUserFeatures features) {
    VerificationTally tally = verify(sample.rows());
    if (sample.usersInDate() == 0) {
      features.requireBuilt();
    }
    return tally;
  }

  /**
   * Compares every row with the store. Redis is reached from the driver first, so an unreachable
   * store fails before any Spark job starts.
   *
   * @throws OnlineStoreException if Redis cannot be reached or fails during the reads
   */
  public VerificationTally verify(Dataset<Row> userFeatures) {
    try (Jedis jedis = redis.connect()) {
      jedis.ping();
    } catch (JedisException e) {
      throw OnlineStoreException.of(redis, e);
    }
    try {
      return userFeatures
          .mapPartitions(
              new PartitionComparison(redis), Encoders.javaSerialization(VerificationTally.class))
          .collectAsList()
          .stream()
          .reduce(new VerificationTally(), VerificationTally::plus);
    } catch (RuntimeException e) {
      JedisException redisFailure = FeaturePublisher.redisCause(e);
      if (redisFailure != null) {
        throw OnlineStoreException.of(redis, redisFailure);
      }
      throw e;
    }
  }

  /** Runs on an executor, once per partition: one client, batches of users, one tally. */
  private record PartitionComparison(RedisEndpoint redis)
      implements MapPartitionsFunction<Row, VerificationTally> {

    @Override
    public Iterator<VerificationTally> call(Iterator<Row> rows) {
      VerificationTally tally = new VerificationTally();
      if (!rows.hasNext()) {
        return List.of(tally).iterator();
      }
      try (OnlineFeatureClient client = new OnlineFeatureClient(redis)) {
        List<String> users = new ArrayList<>(BATCH);
        List<FeatureHash> expected = new ArrayList<>(BATCH);
        while (rows.hasNext()) {
          Row row = rows.next();
          users.add(row.getAs(UserFeatures.USER_ID));
          expected.add(PublishedColumns.hashOf(row));
          if (users.size() == BATCH || !rows.hasNext()) {
            Map<String, OnlineFeatures> stored = client.features(users);
            for (int i = 0; i < users.size(); i++) {
              OnlineFeatures found = stored.get(users.get(i));
              tally.add(
                  StoredHashComparison.compare(
                      users.get(i), expected.get(i), found == null ? null : found.fields()));
            }
            users.clear();
            expected.clear();
          }
        }
      }
      return List.of(tally).iterator();
    }
  }
}
