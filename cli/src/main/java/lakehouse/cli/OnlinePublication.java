package lakehouse.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import lakehouse.online.client.RedisEndpoint;
import lakehouse.online.publish.BuiltUserFeatures;
import lakehouse.online.publish.ConfiguredRedisEndpoint;
import lakehouse.online.publish.FeaturePublisher;
import lakehouse.online.publish.FieldDifference;
import lakehouse.online.publish.OnlineStoreVerifier;
import lakehouse.online.publish.PublishCounts;
import lakehouse.online.publish.PublishReport;
import lakehouse.online.publish.VerificationSample;
import lakehouse.online.publish.VerificationTally;
import lakehouse.online.publish.VerifyReport;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.SparkSession;

/**
 * Loads user_features as of one date (the configured feature version) into the online store and
 * says so in one progress line: what {@code publish --date D} does, and {@code run --date D
 * --publish} after gold in the same Spark application.
 */
final class OnlinePublication {
  /** Differences shown on the console; the report holds more, and counts them all. */
  private static final int SHOWN_DIFFERENCES = 20;

  private final LakehouseConfig config;
  private final RedisEndpoint redis;
  private final Console console;
  private final Clock clock;

  OnlinePublication(
      LakehouseConfig config, Map<String, String> variables, Console console, Clock clock) {
    this.config = config;
    this.redis = ConfiguredRedisEndpoint.of(config.online(), variables);
    this.console = console;
    this.clock = clock;
  }

  /** {@code host:port} of the store, for the command's first line. */
  String redisAddress() {
    return redis.address();
  }

  /**
   * @throws lakehouse.online.publish.FeaturesNotBuiltException if the date was never built
   * @throws lakehouse.online.publish.OnlineStoreException if Redis cannot be reached or fails
   */
  PublishReport publish(SparkSession spark, LocalDate date) {
    long started = clock.millis();
    String version = config.gold().userFeaturesVersion();
    BuiltUserFeatures features = BuiltUserFeatures.asOf(spark, config.lake(), version, date);
    Duration ttl = config.online().ttl();
    PublishCounts counts =
        new FeaturePublisher(redis, ttl, config.online().maxWritesPerSecond()).publish(features);
    long millis = clock.millis() - started;
    String table = config.lake().relativize(config.lake().goldTable(UserFeatures.NAME, version));
    console.progress(
        String.format(
            "online  %s: %,d rows read, %,d keys written, %,d kept (holding a later "
                + "as_of_date), ttl %s (%.1f s)",
            date,
            counts.rowsRead(),
            counts.keysWritten(),
            counts.keysKeptNewer(),
            readable(ttl),
            millis / 1000.0));
    return PublishReport.of(table, date, redis, ttl, counts, millis);
  }

  /**
   * Reads a sample of the date's users back from the store and compares every field with gold: says
   * how many matched and shows the first differences, one line each.
   *
   * @throws lakehouse.online.publish.FeaturesNotBuiltException if the date was never built
   * @throws lakehouse.online.publish.OnlineStoreException if Redis cannot be reached or fails
   */
  VerifyReport verify(SparkSession spark, LocalDate date) {
    long started = clock.millis();
    BuiltUserFeatures features =
        BuiltUserFeatures.asOf(spark, config.lake(), config.gold().userFeaturesVersion(), date);
    long sampleSize = config.online().verifySampleSize();
    VerificationSample sample = VerificationSample.of(features.rows(), sampleSize);
    VerificationTally tally = new OnlineStoreVerifier(redis).verify(sample, features);
    long millis = clock.millis() - started;
    tally.examples().stream()
        .limit(SHOWN_DIFFERENCES)
        .map(FieldDifference::describe)
        .forEach(line -> console.warn("verify " + date + ": " + line));
    console.progress(
        String.format(
            "verify  %s: %,d of %,d users read back, %,d match, %,d differ (%,d values, %,d extra "
                + "fields), %,d missing, %,d kept newer (%.1f s)",
            date,
            tally.usersChecked(),
            sample.usersInDate(),
            tally.usersMatching(),
            tally.usersDiffering(),
            tally.valuesDiffering(),
            tally.fieldsExtra(),
            tally.keysMissing(),
            tally.keysNewer(),
            millis / 1000.0));
    return VerifyReport.of(date, redis, sample.usersInDate(), sampleSize, tally, millis);
  }

  /** 8d rather than PT192H. */
  private static String readable(Duration duration) {
    return duration.toSeconds() % 86_400 == 0
        ? duration.toDays() + "d"
        : duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
