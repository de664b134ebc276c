package lakehouse.online.publish;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lakehouse.online.client.RedisEndpoint;

/**
 * The run report's {@code verify} object: how the online store compared with gold as of one date.
 * Every user sampled is counted once, by outcome: {@code usersSampled = usersMatching +
 * usersDiffering + keysMissing + keysNewer}.
 *
 * @param redis {@code host:port} of the store read; never a password
 * @param usersInDate the users of user_features as of the date
 * @param sampleSize the configured sample size ({@code lakehouse.online.verify.sample-size})
 * @param usersSampled the users read and compared: all of the date's, or a seeded sample
 * @param keysNewer users whose hash holds a later date, which publish keeps on purpose
 * @param valuesDiffering fields whose value differs from gold's, or that lack a value gold has
 * @param fieldsExtra fields in the store that gold's row does not have
 * @param differences the first differences found, at most {@link VerificationTally#EXAMPLES}
 */
public record VerifyReport(
    String asOfDate,
    String redis,
    long usersInDate,
    long sampleSize,
    long usersSampled,
    long usersMatching,
    long usersDiffering,
    long keysMissing,
    long keysNewer,
    long valuesDiffering,
    long fieldsExtra,
    boolean passed,
    List<Difference> differences,
    long durationMs) {

  /** One difference as the report shows it: kind in lower case, as the report's other labels. */
  public record Difference(
      String userId, String kind, String field, String expected, String actual) {}

  public static VerifyReport of(
      LocalDate asOfDate,
      RedisEndpoint redis,
      long usersInDate,
      long sampleSize,
      VerificationTally tally,
      long durationMs) {
    return new VerifyReport(
        asOfDate.toString(),
        redis.address(),
        usersInDate,
        sampleSize,
        tally.usersChecked(),
        tally.usersMatching(),
        tally.usersDiffering(),
        tally.keysMissing(),
        tally.keysNewer(),
        tally.valuesDiffering(),
        tally.fieldsExtra(),
        tally.passed(),
        tally.examples().stream()
            .map(
                d ->
                    new Difference(
                        d.userId(),
                        d.kind().name().toLowerCase(Locale.ROOT),
                        d.field(),
                        d.expected(),
                        d.actual()))
            .toList(),
        durationMs);
  }
}
