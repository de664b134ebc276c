package lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A micro check of the generator's speed: prints the rate, asserts only the counts (machines vary).
 */
class GenerationThroughputTest {
  private static final long EVENTS = 200_000;

  @TempDir Path lake;

  @Test
  void twoHundredThousandEventsAreWrittenInAFewSeconds() throws IOException {
    GeneratorSpec spec =
        GeneratorSpec.of(LocalDate.of(2026, 11, 23), 1, EVENTS, 3).withBrokenFiles(true, true);
    for (String round : new String[] {"cold", "warm"}) {
      long start = System.nanoTime();
      GenerationSummary summary = new LandingGenerator().generate(lake.resolve(round), spec);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(summary.records()).isEqualTo(EVENTS);
      System.out.printf(
          "generate (%s, %s): %,d events in %.2f s = %,.0f events/s, %,d bytes%n",
          round, summary.codec(), EVENTS, seconds, EVENTS / seconds, bytes(lake.resolve(round)));
    }
  }

  private static long bytes(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }
}
