package lakehouse.chaos;

import java.util.ArrayList;
import java.util.List;

/** Timing and bookkeeping shared by the scenarios. */
public final class Attacks {
  private static final long POLL_MS = 20;

  private Attacks() {}

  /** Waits while the command runs, at most the delay; true if it is still running after it. */
  public static boolean waitWhileAlive(Lakehouse.Command command, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (command.isAlive() && System.nanoTime() < deadline) {
      sleep(POLL_MS);
    }
    return command.isAlive();
  }

  /** A free port on loopback, for a server a scenario starts. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The violations found, with the recovery command's failure if it did not succeed. */
  public static List<Violation> withRecovery(
      RecoveryCheck.Found found, Lakehouse.Outcome recovery) {
    List<Violation> all = new ArrayList<>(found.violations());
    if (!recovery.succeeded()) {
      all.add(
          new Violation(
              "retry converges",
              recovery.command()
                  + " exited "
                  + recovery.exitStatus()
                  + ": "
                  + recovery.errorLine()));
    }
    return all;
  }
}
