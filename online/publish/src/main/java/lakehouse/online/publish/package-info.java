/**
 * Publishing to the online feature store: {@code user_features} as of one date, read from gold's
 * Delta table with Spark and written to Redis, where serving applications read it with {@link
 * lakehouse.online.client.OnlineFeatureClient}.
 *
 * <p>It sits above gold: it imports {@code lakehouse.gold}, {@code lakehouse.shared}, Spark and the
 * client ({@code lakehouse.online.client}, whose {@link lakehouse.online.client.FeatureHash} is the
 * one definition of the stored format), and never the command line. Nothing below it (gold, silver,
 * bronze, shared) and nothing in the client imports it, so a serving application never carries
 * Spark.
 *
 * <p>What a publish guarantees, in plain words:
 *
 * <ol>
 *   <li><b>Layout.</b> One hash per user at {@code u:feat:<user_id>}; its fields are the columns of
 *       user_features but {@code user_id} (the key) and {@code run_id} (lineage), so {@code
 *       as_of_date} and {@code feature_version} among them. A null value (ctr_7d when there were no
 *       impressions) is left out. Values are strings a reader parses back exactly ({@link
 *       lakehouse.online.client.FeatureHash}).
 *   <li><b>One user, one write.</b> Each hash is replaced by one Lua script ({@link
 *       ReplaceUnlessNewer}): delete, set every field, set the time to live. Redis runs a script
 *       atomically, so a reader sees either the old hash or the new one, never a mix of two dates,
 *       and no field of an earlier publish lingers.
 *   <li><b>Idempotent.</b> Publishing the same date again writes the same fields and values and
 *       starts each hash's time to live again; a retried Spark task writes its users again with the
 *       same result.
 *   <li><b>Monotonic.</b> A hash holding a later {@code as_of_date} than the one published is kept
 *       as it is: a backfill publish of an old date never replaces newer features.
 *   <li><b>Expiry.</b> Each hash expires {@code lakehouse.online.redis.ttl} after it was last
 *       written.
 *   <li><b>Bounded.</b> Executors write their partitions themselves, one connection per partition,
 *       the script loaded once on it and run by EVALSHA, at most a fixed number of scripts sent and
 *       not yet answered ({@link ReplacementPipeline}); the driver holds no features. The rows are
 *       read once, by the job that writes them.
 *   <li><b>Paced if asked.</b> {@code lakehouse.online.redis.max-writes-per-second} caps the keys
 *       written per second, all tasks together, so that serving reads keep their latency; 0 (the
 *       default) writes as fast as Redis answers.
 * </ol>
 *
 * <p>{@link OnlineStoreVerifier} checks a publish from the serving side: it reads a seeded sample
 * of the date's users back with the client and compares every field with the hash gold's row gives,
 * on the executors, as the publish writes.
 */
package lakehouse.online.publish;
