package lakehouse.gold.lineage;

import java.util.Collection;
import java.util.Set;

/**
 * Which lineage records of one gold table a reader wants: those of some partitions, and those of
 * some promotions (whatever their partitions).
 *
 * @param table the gold table's name
 * @param version the gold table's version
 */
public record LineageInterest(
    String table, String version, Set<String> partitionKeys, Set<String> promotionIds) {

  public LineageInterest {
    partitionKeys = Set.copyOf(partitionKeys);
    promotionIds = Set.copyOf(promotionIds);
  }

  public static LineageInterest of(
      String table, String version, Collection<String> keys, Collection<String> promotionIds) {
    return new LineageInterest(table, version, Set.copyOf(keys), Set.copyOf(promotionIds));
  }

  boolean isEmpty() {
    return partitionKeys.isEmpty() && promotionIds.isEmpty();
  }

  /** Whether every record this one wants, the other wants too. */
  boolean within(LineageInterest other) {
    return table.equals(other.table)
        && version.equals(other.version)
        && other.partitionKeys.containsAll(partitionKeys)
        && other.promotionIds.containsAll(promotionIds);
  }

  boolean wants(LineageRecord record) {
    return record.table().equals(table)
        && record.version().equals(version)
        && (partitionKeys.contains(record.partitionKey())
            || promotionIds.contains(record.promotionId()));
  }
}
