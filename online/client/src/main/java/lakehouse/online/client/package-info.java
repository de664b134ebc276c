/**
 * The serving side of the online feature store: reads a user's published features from Redis by
 * user id ({@link lakehouse.online.client.OnlineFeatureClient}), and defines, once, the format they
 * are stored in ({@link lakehouse.online.client.FeatureHash}: key, fields and the text form of each
 * value), which the publisher writes.
 *
 * <p>A serving application depends on this package alone, with jedis and slf4j-api as its only
 * libraries. So it must never import Spark ({@code org.apache.spark}), Delta ({@code io.delta}),
 * Hadoop ({@code org.apache.hadoop}) or any other part of the lakehouse ({@code lakehouse.shared}
 * included, which needs Spark): what it needs of the table, the names of the {@code as_of_date} and
 * {@code feature_version} fields, it defines itself.
 */
package lakehouse.online.client;
