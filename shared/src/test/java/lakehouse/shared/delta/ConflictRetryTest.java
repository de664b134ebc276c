package lakehouse.shared.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.exceptions.ConcurrentAppendException;
import io.delta.exceptions.MetadataChangedException;
import io.delta.exceptions.ProtocolChangedException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {
  private static final Duration BASE = Duration.ofMillis(100);
  private static final Duration CAP = Duration.ofMillis(1_000);

  private final List<Duration> waits = new ArrayList<>();
  private final List<Integer> retriedAfter = new ArrayList<>();

  private ConflictRetry retry(int maxAttempts, long seed) {
    return new ConflictRetry(maxAttempts, BASE, CAP, new Random(seed), waits::add);
  }

  private ConflictRetry.Listener listener() {
    return (attempt, conflict, wait) -> retriedAfter.add(attempt);
  }

  @Test
  void anAttemptThatConflictsIsRunAgainUntilItSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        retry(3, 1)
            .run(
                () -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw new ConcurrentAppendException(
                        "files were added to partition [event_date=2026-11-21]");
                  }
                  return "committed";
                },
                listener());

    assertThat(result).isEqualTo("committed");
    assertThat(attempts).hasValue(3);
    assertThat(retriedAfter).containsExactly(1, 2);
    assertThat(waits).hasSize(2);
  }

  @Test
  void theLastConflictIsThrownOnceTheAttemptsAreUsedUp() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retry(4, 1)
                    .run(
                        () -> {
                          attempts.incrementAndGet();
                          throw new MetadataChangedException("the metadata changed");
                        },
                        listener()))
        .isInstanceOf(MetadataChangedException.class)
        .hasMessageContaining("the metadata changed");
    assertThat(attempts).hasValue(4);
    assertThat(waits).hasSize(3);
  }

  @Test
  void aFailureThatIsNotAConflictIsThrownAtOnceWithoutRetry() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retry(3, 1)
                    .run(
                        () -> {
                          attempts.incrementAndGet();
                          throw new UncheckedIOException(
                              "connection reset", new java.io.IOException("reset"));
                        },
                        listener()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("connection reset");
    assertThat(attempts).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void oneAttemptMeansNoRetry() {
    assertThatThrownBy(
            () ->
                retry(1, 1)
                    .run(
                        () -> {
                          throw new ProtocolChangedException("the protocol changed");
                        },
                        listener()))
        .isInstanceOf(ProtocolChangedException.class);
    assertThat(waits).isEmpty();
  }

  @Test
  void waitsGrowExponentiallyWithJitterAndStayUnderTheCap() {
    for (long seed = 0; seed < 50; seed++) {
      ConflictRetry retry = retry(10, seed);
      for (int attempt = 2; attempt <= 10; attempt++) {
        long bound = Math.min(CAP.toMillis(), BASE.toMillis() << (attempt - 2));
        assertThat(retry.delayBefore(attempt).toMillis()).isBetween(bound / 2, bound);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameWaits() {
    assertThat(retry(5, 42).delayBefore(4)).isEqualTo(retry(5, 42).delayBefore(4));
  }

  @Test
  void anImpossibleRetryPolicyIsRejected() {
    assertThatThrownBy(() -> new ConflictRetry(0, BASE, CAP, new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one attempt");
    assertThatThrownBy(() -> new ConflictRetry(3, CAP, BASE, new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cap");
  }
}
