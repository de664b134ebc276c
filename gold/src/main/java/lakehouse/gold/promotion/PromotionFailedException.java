package lakehouse.gold.promotion;

import lakehouse.shared.error.LakehouseException;

/**
 * The promotion commit could not be made (the table does not accept the staged rows, or the write
 * failed). The message says whether the table was left unchanged and what to do.
 */
public final class PromotionFailedException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  public PromotionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
