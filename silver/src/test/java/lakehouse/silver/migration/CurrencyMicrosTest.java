package lakehouse.silver.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CurrencyMicrosTest {

  @Test
  @DisplayName("half a micro rounds away from zero although the double is slightly below it")
  void halfAMicroRoundsAwayFromZero() {
    assertThat(CurrencyMicros.fromUnits(0.0000005)).isEqualTo(1L);
    assertThat(CurrencyMicros.fromUnits(-0.0000005)).isEqualTo(-1L);
    assertThat(CurrencyMicros.fromUnits(1.2345675)).isEqualTo(1_234_568L);
    assertThat(CurrencyMicros.fromUnits(-1.2345675)).isEqualTo(-1_234_568L);
    assertThat(CurrencyMicros.fromUnits(0.0000025)).isEqualTo(3L);
  }

  @Test
  void lessThanHalfAMicroRoundsTowardsZero() {
    assertThat(CurrencyMicros.fromUnits(0.0000004999)).isEqualTo(0L);
    assertThat(CurrencyMicros.fromUnits(1.2345674999)).isEqualTo(1_234_567L);
    // The next double below 5e-7 prints as 4.999999999999999E-7: less than half a micro.
    assertThat(CurrencyMicros.fromUnits(Math.nextDown(0.0000005))).isEqualTo(0L);
  }

  @Test
  void binaryArtefactsOfDecimalArithmeticDoNotLeakIntoMicros() {
    assertThat(CurrencyMicros.fromUnits(0.1 + 0.2)).isEqualTo(300_000L);
    assertThat(CurrencyMicros.fromUnits(0.25)).isEqualTo(250_000L);
    assertThat(CurrencyMicros.fromUnits(1.1)).isEqualTo(1_100_000L);
    assertThat(CurrencyMicros.fromUnits(0.0)).isEqualTo(0L);
    assertThat(CurrencyMicros.fromUnits(12_345_678.9)).isEqualTo(12_345_678_900_000L);
  }

  @Test
  void aMissingOrUnrepresentableCostHasNoMicros() {
    assertThat(CurrencyMicros.fromUnits((Double) null)).isNull();
    assertThat(CurrencyMicros.fromUnits(Double.NaN)).isNull();
    assertThat(CurrencyMicros.fromUnits(Double.POSITIVE_INFINITY)).isNull();
    assertThat(CurrencyMicros.fromUnits(1e19)).isNull();
  }
}
