package lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfDistributionTest {

  @Test
  void drawsStayInRangeAndPopularityFallsWithRankLikeAPowerLaw() {
    int keys = 1_000;
    ZipfDistribution zipf = new ZipfDistribution(keys, 10);
    SplittableRandom random = new SplittableRandom(1);
    long[] draws = new long[keys];
    int total = 1_000_000;
    for (int i = 0; i < total; i++) {
      draws[zipf.sample(random)]++;
    }
    assertThat(draws[0]).isGreaterThan(draws[9]);
    assertThat(draws[9]).isGreaterThan(draws[99]);
    assertThat(draws[99]).isGreaterThan(draws[999]);
    assertThat(draws[999]).isPositive();
    // Exponent 0.9: ten times the rank, about 10^0.9 = 7.9 times fewer draws.
    double ratio =
        (draws[100] + draws[101] + draws[102])
            / (double) (draws[1000 - 3] + draws[998] + draws[999]);
    assertThat(ratio).isCloseTo(7.9, within(2.0));
  }

  @Test
  void oneKeyIsAlwaysDrawn() {
    ZipfDistribution zipf = new ZipfDistribution(1, 5);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 1_000; i++) {
      assertThat(zipf.sample(random)).isZero();
    }
  }
}
