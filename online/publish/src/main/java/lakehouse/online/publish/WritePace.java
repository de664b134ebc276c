package lakehouse.online.publish;

import java.util.concurrent.TimeUnit;

/**
 * The pace of one task's writes: at most {@code keysPerSecond} keys a second since its first write,
 * or no limit. A task that fell behind (Redis or the executor was slow for a while) catches up by
 * at most {@link #CATCH_UP_NANOS} worth of writes rather than bursting, so the limit holds over any
 * stretch longer than that.
 */
final class WritePace {
  /** How far behind its schedule a task may be and still catch up. */
  private static final long CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** Shorter waits are left to add up: a sleep is coarser than one key's interval. */
  private static final long SHORTEST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final double nanosPerKey;
  private long scheduleStart;
  private long keys;

  /**
   * @param keysPerSecond the limit, or 0 for none
   */
  WritePace(double keysPerSecond) {
    if (!(keysPerSecond >= 0) || Double.isInfinite(keysPerSecond)) {
      throw new IllegalArgumentException("keys per second must be 0 or more, got " + keysPerSecond);
    }
    this.nanosPerKey = keysPerSecond == 0 ? 0 : 1e9 / keysPerSecond;
  }

  /** Returns when the next key may be written. */
  void awaitTurn() throws InterruptedException {
    if (nanosPerKey == 0) {
      return;
    }
    long now = System.nanoTime();
    if (keys == 0) {
      scheduleStart = now;
    }
    long behind = now - (scheduleStart + (long) (keys * nanosPerKey));
    if (behind > CATCH_UP_NANOS) {
      // What was missed beyond the allowance is forgotten instead of made up in a burst.
      scheduleStart += behind - CATCH_UP_NANOS;
    } else if (-behind >= SHORTEST_WAIT_NANOS) {
      TimeUnit.NANOSECONDS.sleep(-behind);
    }
    keys++;
  }
}
