package lakehouse.gold;

import lakehouse.gold.promotion.PromotionListener;
import lakehouse.gold.staging.StagingListener;

/**
 * Told about a gold run's progress through staging and promotion. Production runs use {@link
 * #NONE}; tests implement it to stop a run at a named point or to line up concurrent runs.
 */
public interface GoldRunListener extends StagingListener, PromotionListener {
  GoldRunListener NONE = new GoldRunListener() {};
}
