package lakehouse.gold.promotion;

import lakehouse.shared.error.LakehouseException;

/**
 * Another run promoted (or kept promoting) the same table at the same time, and this promotion gave
 * up: it waited too long for the table's lock, or Delta kept reporting conflicting commits. This
 * run's output was not promoted; the table holds the other run's complete output. Retrying the run
 * is safe.
 */
public final class ConcurrentPromotionException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  public ConcurrentPromotionException(String message, Throwable cause) {
    super(message, cause);
  }
}
