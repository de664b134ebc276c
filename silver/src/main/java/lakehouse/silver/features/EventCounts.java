package lakehouse.silver.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import lakehouse.shared.tables.SilverEvents;
import org.apache.spark.sql.Column;

/** The aggregates every feature group shares: counts by event type and spend, defined once. */
final class EventCounts {
  private EventCounts() {}

  static Column impressions() {
    return ofType(SilverEvents.IMPRESSION);
  }

  static Column clicks() {
    return ofType(SilverEvents.CLICK);
  }

  static Column conversions() {
    return ofType(SilverEvents.CONVERSION);
  }

  /**
   * Sum of cost_micros; an event without a cost counts as 0, so a group with no cost at all spends
   * 0.
   */
  static Column spendMicros() {
    return coalesce(sum(col(SilverEvents.COST_MICROS)), lit(0L));
  }

  private static Column ofType(String eventType) {
    return count_if(col(SilverEvents.EVENT_TYPE).equalTo(lit(eventType)));
  }
}
