package lakehouse.silver;

import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_seconds;

import org.apache.spark.sql.Column;

/**
 * UTC calendar columns of a timestamp, computed from epoch seconds so that they do not depend on
 * the session time zone: an event's date and hour are the same whichever zone a Spark session runs
 * in.
 */
public final class UtcTime {
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long SECONDS_PER_HOUR = 3_600L;

  private UtcTime() {}

  /** The UTC date of the instant. */
  public static Column date(Column timestamp) {
    // unix_seconds floors sub-second parts; dividing whole seconds by 86,400 as a double is exact
    // enough that floor() never crosses a day boundary (quotients near 2e4 have an ulp near 4e-12).
    return date_from_unix_date(
        floor(unix_seconds(timestamp).divide(lit(SECONDS_PER_DAY))).cast("int"));
  }

  /** The instant truncated to the start of its UTC hour. */
  public static Column hour(Column timestamp) {
    return timestamp_seconds(
        floor(unix_seconds(timestamp).divide(lit(SECONDS_PER_HOUR)))
            .multiply(lit(SECONDS_PER_HOUR)));
  }
}
