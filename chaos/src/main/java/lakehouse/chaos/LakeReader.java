package lakehouse.chaos;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The independent reader of a scenario: polls the lake's guarantees while the attack runs, as a
 * dashboard or a training job would read it, and keeps every violation it saw.
 *
 * <p>A poll runs each check only when something it reads has changed since it last ran (a commit of
 * its table, a staged partition of its table, a run report): the same state gives the same answer,
 * and checking it again would only take the attacked command's processor time on a small machine. A
 * silver commit thus costs the silver check alone, not a read of every gold table as well.
 */
public final class LakeReader implements AutoCloseable {
  private static final long POLL_PAUSE_MS = 200;

  private final List<LakeInvariants.Check> checks;
  private final List<LakeFingerprint> fingerprints;

  /** Per check, the fingerprint of what it read when it last ran (null: never, or it failed). */
  private final String[] checkedStates;

  private final Set<String> seen = new LinkedHashSet<>();
  private final List<Violation> violations = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;
  private int polls;
  private int failedReads;
  private String lastFailure = "";

  public LakeReader(LakeInvariants invariants, ChaosLake lake) {
    this.checks = invariants.checks(lake);
    this.fingerprints = checks.stream().map(check -> LakeFingerprint.of(check.reads())).toList();
    this.checkedStates = new String[checks.size()];
    this.thread = new Thread(this::poll, "chaos-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    while (!stopped) {
      boolean checked = false;
      for (int i = 0; i < checks.size() && !stopped; i++) {
        String state = fingerprints.get(i).now();
        if (state != null && state.equals(checkedStates[i])) {
          continue;
        }
        checked = true;
        try {
          List<Violation> found = checks.get(i).run();
          checkedStates[i] = state;
          synchronized (this) {
            for (Violation violation : found) {
              if (seen.add(violation.toString())) {
                violations.add(violation);
              }
            }
          }
        } catch (Exception e) {
          // Spark's own exceptions are checked in Scala, so unchecked to Java: caught as
          // Exception. A table read at the moment its first commit or a concurrent cleanup lands
          // can fail; the next poll reads it again, and the final check after the attack must pass.
          checkedStates[i] = null;
          synchronized (this) {
            failedReads++;
            lastFailure = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
          }
        }
      }
      if (checked) {
        synchronized (this) {
          polls++;
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

  /** The polls that found the lake changed and checked what changed: one per state it saw. */
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
