package lakehouse.shared.lock;

import java.time.Duration;
import java.util.Locale;
import lakehouse.shared.error.LakehouseException;

/**
 * Another application held the lake's writer lease for longer than this one was willing to wait.
 */
public final class LakeWriterBusyException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  private final String heldBy;

  public LakeWriterBusyException(String lakeRoot, String heldBy, Duration waited) {
    super(
        Kind.REFUSED,
        "the lake "
            + lakeRoot
            + " is being written by "
            + heldBy
            + "; gave up after waiting "
            + waited.toString().substring(2).toLowerCase(Locale.ROOT)
            + " (one application writes a lake on an object store at a time: start again when it is done, "
            + "or set lakehouse.writer-lease.wait)",
        null);
    this.heldBy = heldBy;
  }

  /** Who holds the lease, as it described itself in the lease. */
  public String heldBy() {
    return heldBy;
  }
}
