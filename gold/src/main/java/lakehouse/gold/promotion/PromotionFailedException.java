package lakehouse.gold.promotion;

/**
 * The promotion commit could not be made (the table does not accept the staged rows, or the write
 * failed). The message says whether the table was left unchanged and what to do.
 */
public final class PromotionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PromotionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
