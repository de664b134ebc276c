package lakehouse.gold.promotion;

import lakehouse.shared.error.LakehouseException;

/**
 * The partitions were promoted (the table content is final) but their lineage could not be written.
 * The promotion commit itself carries the lineage, so the next promotion of the table, or a retry
 * of the same run id (which adds no table version), records it.
 */
public final class LineageNotRecordedException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  private final PromotionResult result;

  public LineageNotRecordedException(String message, PromotionResult result, Throwable cause) {
    super(message, cause);
    this.result = result;
  }

  /** What the promotion did before lineage failed. */
  public PromotionResult result() {
    return result;
  }
}
