package lakehouse.gold.promotion;

import lakehouse.shared.error.LakehouseException;

/**
 * The promotion commit failed in a way that leaves it unknown whether it landed: the write failed
 * after Delta may have written the commit file, and the table's log could not be read to find out.
 * Unlike {@link PromotionFailedException} (the commit did not happen), nothing may be cleaned up as
 * if the run had failed. A retry of the same run id resolves it: it looks for its own commit in the
 * table's log and reports those partitions already promoted instead of committing them twice.
 */
public final class CommitStateUnknownException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  public CommitStateUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
