package lakehouse.shared.delta;

import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;

/**
 * Runs an attempt at a Delta commit again when a concurrent commit conflicts with it, waiting a
 * little longer each time. Delta reports a conflict ({@code ConcurrentAppendException}, {@code
 * ConcurrentWriteException}, {@code MetadataChangedException}, {@code ProtocolChangedException}...,
 * all {@link DeltaConcurrentModificationException}s) before it writes its commit file, so a
 * conflicted attempt changed nothing and is safe to run again against the new snapshot. Any other
 * failure is not retried: it may have left a commit behind.
 *
 * <p>The waits grow exponentially from the base delay up to the cap; each is drawn between half and
 * all of that bound, so that writers that conflicted with each other do not retry in lockstep.
 */
public final class ConflictRetry {
  /** Waits between attempts; tests replace it to record the waits instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Told before each retry, to say why the caller decides again. */
  @FunctionalInterface
  public interface Listener {
    void retrying(int failedAttempt, DeltaConcurrentModificationException conflict, Duration wait);
  }

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Random jitter;
  private final Sleeper sleeper;

  /**
   * @param maxAttempts attempts in all, the first included (1: no retry)
   * @param jitter draws each wait; give a seeded one for repeatable waits
   */
  public ConflictRetry(int maxAttempts, Duration baseDelay, Duration maxDelay, Random jitter) {
    this(maxAttempts, baseDelay, maxDelay, jitter, duration -> Thread.sleep(duration.toMillis()));
  }

  ConflictRetry(
      int maxAttempts, Duration baseDelay, Duration maxDelay, Random jitter, Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt is needed, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "delays must satisfy 0 <= base (" + baseDelay + ") <= cap (" + maxDelay + ")");
    }
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.jitter = jitter;
    this.sleeper = sleeper;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Runs the attempt until it returns, fails with something other than a conflict (thrown as it
   * is), or has conflicted {@link #maxAttempts()} times.
   *
   * @throws DeltaConcurrentModificationException the last conflict, once the attempts are used up
   *     (or the thread was interrupted while waiting to retry); nothing of the attempts was
   *     committed
   */
  public <T> T run(Supplier<T> attempt, Listener listener) {
    for (int attempted = 1; ; attempted++) {
      try {
        return attempt.get();
      } catch (DeltaConcurrentModificationException conflict) {
        if (attempted >= maxAttempts) {
          throw conflict;
        }
        Duration wait = delayBefore(attempted + 1);
        listener.retrying(attempted, conflict, wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw conflict;
        }
      }
    }
  }

  /**
   * The wait before the given attempt (2 for the first retry): at least half of and below its
   * bound, base * 2^(attempt - 2) capped at the maximum delay.
   */
  Duration delayBefore(int attempt) {
    long cap = maxDelay.toMillis();
    long bound = baseDelay.toMillis();
    for (int retry = 2; retry < attempt && bound < cap; retry++) {
      bound *= 2;
    }
    bound = Math.min(bound, cap);
    long half = bound / 2;
    return Duration.ofMillis(half + (long) (jitter.nextDouble() * (bound - half)));
  }
}
