package lakehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertTrue(
        draws[0] > draws[9] && draws[9] > draws[99] && draws[99] > draws[999] && draws[999] > 0);
    // Exponent 0.9: ten times the rank, about 10^0.9 = 7.9 times fewer draws.
    double ratio =
        (draws[100] + draws[101] + draws[102])
            / (double) (draws[1000 - 3] + draws[998] + draws[999]);
    assertEquals(7.9, ratio, 2.0);
  }

  @Test
  void oneKeyIsAlwaysDrawn() {
    ZipfDistribution zipf = new ZipfDistribution(1, 5);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(0, zipf.sample(random));
    }
  }
}
