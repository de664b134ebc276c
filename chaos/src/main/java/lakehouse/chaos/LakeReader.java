package lakehouse.chaos;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The independent reader of a scenario: polls the lake's guarantees while the attack runs, as a
 * dashboard or a training job would read it, and keeps every violation it saw.
 *
 * <p>A poll checks the lake only when something the checks read has changed since the last check (a
 * commit, a run report, a staged partition): the same state gives the same answer, and checking it
 * again would only take the attacked command's processor time on a small machine.
 */
public final class LakeReader implements AutoCloseable {
  private static final long POLL_PAUSE_MS = 200;

  private final LakeInvariants invariants;
  private final ChaosLake lake;
  private final Set<String> seen = new LinkedHashSet<>();
  private final List<Violation> violations = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;
  private final LakeFingerprint fingerprint;
  private String checkedState;
  private int polls;
  private int failedReads;
  private String lastFailure = "";

  public LakeReader(LakeInvariants invariants, ChaosLake lake) {
    this.invariants = invariants;
    this.lake = lake;
    this.fingerprint = LakeFingerprint.of(lake);
    this.thread = new Thread(this::poll, "chaos-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    while (!stopped) {
      try {
        String state = fingerprint.now();
        if (state != null && state.equals(checkedState)) {
          pause();
          continue;
        }
        List<Violation> found = invariants.check(lake);
        checkedState = state;
        synchronized (this) {
          polls++;
          for (Violation violation : found) {
            if (seen.add(violation.toString())) {
              violations.add(violation);
            }
          }
        }
      } catch (Exception e) {
        // Spark's own exceptions are checked in Scala, so unchecked to Java: caught as Exception.
        // A table read at the moment its first commit or a concurrent cleanup lands can fail; the
        // next poll reads it again, and the final check after the attack must pass.
        synchronized (this) {
          failedReads++;
          lastFailure = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(POLL_PAUSE_MS);
    } catch (InterruptedException e) {
      stopped = true;
    }
  }

  /**
   * Stops polling once the poll under way ends; not interrupted, since an interrupted Spark action
   * leaves the reader's session to clean up.
   */
  @Override
  public void close() {
    stopped = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every violation seen, once each; stops the reader first. */
  public List<Violation> violations() {
    close();
    synchronized (this) {
      return List.copyOf(violations);
    }
  }

  /** The checks made: one per state of the lake the reader saw. */
  public synchronized int polls() {
    return polls;
  }

  public synchronized int failedReads() {
    return failedReads;
  }

  public synchronized String lastFailure() {
    return lastFailure;
  }
}
