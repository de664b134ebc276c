package lakehouse.shared.lock;

import java.time.Duration;
import lakehouse.shared.error.LakehouseException;

/** A lake lock stayed held by someone else for longer than the caller was willing to wait. */
public final class LockTimeoutException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  private final String lockName;
  private final String holder;

  public LockTimeoutException(String lockName, String lockFile, String holder, Duration waited) {
    super(
        "the lock "
            + lockName
            + " ("
            + lockFile
            + ") is held by "
            + holder
            + "; gave up after "
            + waited);
    this.lockName = lockName;
    this.holder = holder;
  }

  public String lockName() {
    return lockName;
  }

  /** Who held the lock, as it wrote itself into the lock file. */
  public String holder() {
    return holder;
  }
}
