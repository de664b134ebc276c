package lakehouse.silver.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CurrencyMicrosTest {

  @Test
  void halfAMicroRoundsAwayFromZeroAlthoughTheDoubleIsSlightlyBelowIt() {
    assertEquals(1L, CurrencyMicros.fromUnits(0.0000005));
    assertEquals(-1L, CurrencyMicros.fromUnits(-0.0000005));
    assertEquals(1_234_568L, CurrencyMicros.fromUnits(1.2345675));
    assertEquals(-1_234_568L, CurrencyMicros.fromUnits(-1.2345675));
    assertEquals(3L, CurrencyMicros.fromUnits(0.0000025));
  }

  @Test
  void lessThanHalfAMicroRoundsTowardsZero() {
    assertEquals(0L, CurrencyMicros.fromUnits(0.0000004999));
    assertEquals(1_234_567L, CurrencyMicros.fromUnits(1.2345674999));
    // The next double below 5e-7 prints as 4.999999999999999E-7: less than half a micro.
    assertEquals(0L, CurrencyMicros.fromUnits(Math.nextDown(0.0000005)));
  }

  @Test
  void binaryArtefactsOfDecimalArithmeticDoNotLeakIntoMicros() {
    assertEquals(300_000L, CurrencyMicros.fromUnits(0.1 + 0.2));
    assertEquals(250_000L, CurrencyMicros.fromUnits(0.25));
    assertEquals(1_100_000L, CurrencyMicros.fromUnits(1.1));
    assertEquals(0L, CurrencyMicros.fromUnits(0.0));
    assertEquals(12_345_678_900_000L, CurrencyMicros.fromUnits(12_345_678.9));
  }

  @Test
  void aMissingOrUnrepresentableCostHasNoMicros() {
    assertNull(CurrencyMicros.fromUnits((Double) null));
    assertNull(CurrencyMicros.fromUnits(Double.NaN));
    assertNull(CurrencyMicros.fromUnits(Double.POSITIVE_INFINITY));
    assertNull(CurrencyMicros.fromUnits(1e19));
  }
}
