package lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorSpecTest {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 23);

  @Test
  void theDefaultsAreHourlyDumpsWithSmallSharesOfEachProblem() {
    GeneratorSpec spec = GeneratorSpec.of(FROM, 3, 1_000, 1);
    assertThat(spec.filesPerDay()).isEqualTo(24);
    assertThat(spec.lastDate()).isEqualTo(FROM.plusDays(2));
    GeneratorRates rates = spec.rates();
    assertThat(rates.v1Share()).isEqualTo(0.3);
    assertThat(
            rates.lateShare()
                + rates.duplicateShare()
                + rates.invalidShare()
                + rates.futureShare()
                + rates.tooLateShare())
        .isLessThan(0.1);
  }

  @Test
  void nonsenseIsRefusedWithAMessageNamingTheOption() {
    assertThatThrownBy(() -> GeneratorSpec.of(FROM, 0, 1_000, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--days");
    assertThatThrownBy(() -> GeneratorSpec.of(FROM, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--events-per-day");
    assertThatThrownBy(() -> GeneratorSpec.of(FROM, 1, 10, 1).withFilesPerDay(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeneratorRates(1.5, 0, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v1 share");
    assertThatThrownBy(() -> new GeneratorRates(0.3, 0.6, 0.5, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDayIsSplitIntoExactlyItsEventsWhateverTheNumberOfFiles() {
    for (int files : new int[] {1, 5, 24, 96}) {
      for (long events : new long[] {1, 23, 1_000, 10_000_001}) {
        assertThat(java.util.Arrays.stream(DailyFilePlan.recordsPerFile(events, files)).sum())
            .isEqualTo(events);
      }
    }
  }
}
