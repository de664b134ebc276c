package lakehouse.silver.features;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A daily silver feature group: a pure function of the silver events of whole event dates, one
 * table per group and version, partitioned by {@code event_date}. A date's rows depend only on that
 * date's events, so rebuilding a date needs nothing but that date's partition of silver.
 */
public interface FeatureGroup {
  String name();

  String version();

  /** The output schema, exactly (column order and nullability included). */
  StructType schema();

  /**
   * The group's rows for every event date present in the input.
   *
   * @param silverEvents complete event-date partitions of silver events (SilverEvents.SCHEMA)
   */
  Dataset<Row> compute(Dataset<Row> silverEvents);
}
