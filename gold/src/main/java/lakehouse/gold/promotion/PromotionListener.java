package lakehouse.gold.promotion;

import lakehouse.gold.table.GoldTable;

/**
 * Told about a promotion's progress. Production code passes none; tests use it to line up
 * concurrent promotions or to stop a run at a precise point.
 */
public interface PromotionListener {
  PromotionListener NONE = new PromotionListener() {};

  /** Called before the promotion waits for the table's lock. */
  default void beforePromotion(GoldTable table, String runId) {}

  /** Called after the Delta commit succeeded, before its lineage is recorded. */
  default void committed(GoldTable table, String runId, long deltaVersion) {}
}
