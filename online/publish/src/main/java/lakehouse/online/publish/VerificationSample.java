package lakehouse.online.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The users a verification reads from the store: all of a date's users when they are at most the
 * sample size, otherwise those whose seeded hash of the user id falls in a share of the hash range
 * sized to give about that many. The same users and seed give the same sample on every run, and the
 * rows stay in their partitions: no sort, no shuffle, nothing gathered on the driver.
 *
 * @param rows the rows to compare
 * @param usersInDate every user of the date
 */
public record VerificationSample(Dataset<Row> rows, long usersInDate) {
  /** The hash range is cut in this many buckets; a sample takes the lowest of them. */
  private static final long BUCKETS = 1_000_000L;

  /** Fixed, so that verifying a date twice reads the same users. */
  private static final long SEED = 20_261_123L;

  /** A sample of about {@code size} of the rows' users; all of them when they are no more. */
  public static VerificationSample of(Dataset<Row> userFeatures, long size) {
    if (size < 1) {
      throw new IllegalArgumentException("a sample holds at least one user, got " + size);
    }
    long users = userFeatures.count();
    if (users <= size) {
      return new VerificationSample(userFeatures, users);
    }
    long buckets = Math.max(1, (long) Math.ceil((double) size * BUCKETS / users));
    Dataset<Row> sampled =
        userFeatures.where(
            pmod(xxhash64(lit(SEED), col(UserFeatures.USER_ID)), lit(BUCKETS)).lt(buckets));
    return new VerificationSample(sampled, users);
  }
}
