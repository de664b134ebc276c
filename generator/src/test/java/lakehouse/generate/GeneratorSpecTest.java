package lakehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorSpecTest {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 23);

  @Test
  void theDefaultsAreHourlyDumpsWithSmallSharesOfEachProblem() {
    GeneratorSpec spec = GeneratorSpec.of(FROM, 3, 1_000, 1);
    assertEquals(24, spec.filesPerDay());
    assertEquals(FROM.plusDays(2), spec.lastDate());
    GeneratorRates rates = spec.rates();
    assertEquals(0.3, rates.v1Share());
    assertTrue(
        rates.lateShare()
                + rates.duplicateShare()
                + rates.invalidShare()
                + rates.futureShare()
                + rates.tooLateShare()
            < 0.1);
  }

  @Test
  void nonsenseIsRefusedWithAMessageNamingTheOption() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.of(FROM, 0, 1_000, 1))
            .getMessage()
            .contains("--days"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.of(FROM, 1, 0, 1))
            .getMessage()
            .contains("--events-per-day"));
    assertThrows(
        IllegalArgumentException.class, () -> GeneratorSpec.of(FROM, 1, 10, 1).withFilesPerDay(0));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new GeneratorRates(1.5, 0, 0, 0, 0, 0, 0, 0))
            .getMessage()
            .contains("v1 share"));
    assertThrows(
        IllegalArgumentException.class, () -> new GeneratorRates(0.3, 0.6, 0.5, 0, 0, 0, 0, 0));
  }

  @Test
  void aDayIsSplitIntoExactlyItsEventsWhateverTheNumberOfFiles() {
    for (int files : new int[] {1, 5, 24, 96}) {
      for (long events : new long[] {1, 23, 1_000, 10_000_001}) {
        assertEquals(
            events, java.util.Arrays.stream(DailyFilePlan.recordsPerFile(events, files)).sum());
      }
    }
  }
}
