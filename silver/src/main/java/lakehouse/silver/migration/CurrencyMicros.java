package lakehouse.silver.migration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Converts a price in currency units (a double, as schema v1 carries it) to micros of currency
 * units, rounded half away from zero.
 *
 * <p>The double is read as the decimal it prints as ({@link BigDecimal#valueOf(double)}), which is
 * the value the producer wrote: 0.0000005 is 0.5 micro and rounds to 1, although the binary double
 * nearest to it is a little below 5e-7. The decimal is then shifted and rounded exactly. Spark's
 * decimal casts would round twice (to the decimal's scale, then to micros) and can turn x.4999...9
 * into x+1.
 */
public final class CurrencyMicros {
  private static final int MICROS_DIGITS = 6;
  private static final UserDefinedFunction FROM_UNITS =
      functions
          .udf((UDF1<Double, Long>) CurrencyMicros::fromUnits, DataTypes.LongType)
          .withName("currency_micros");

  private CurrencyMicros() {}

  /**
   * Micros of the amount, or null when there is no amount or it has no micros value (NaN, infinite,
   * or beyond a long's range).
   */
  public static Long fromUnits(Double units) {
    if (units == null || units.isNaN() || units.isInfinite()) {
      return null;
    }
    BigDecimal micros =
        BigDecimal.valueOf(units).movePointRight(MICROS_DIGITS).setScale(0, RoundingMode.HALF_UP);
    return micros.toBigInteger().bitLength() < Long.SIZE ? micros.longValueExact() : null;
  }

  /** {@link #fromUnits(Double)} as a column. */
  public static Column fromUnits(Column units) {
    return FROM_UNITS.apply(units);
  }
}
