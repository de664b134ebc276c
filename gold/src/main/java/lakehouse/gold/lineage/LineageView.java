package lakehouse.gold.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Lineage records read at one version of the lineage table: every record some interests want, so
 * that a later question within them is answered without reading the table again, as long as the
 * table is still at that version.
 *
 * @param lineageVersion the lineage table's Delta version the records were read at; -1 when it did
 *     not exist yet
 */
record LineageView(
    long lineageVersion, List<LineageInterest> interests, List<LineageRecord> records) {

  LineageView {
    interests = List.copyOf(interests);
    records = List.copyOf(records);
  }

  boolean covers(LineageInterest interest) {
    return interests.stream().anyMatch(interest::within);
  }

  /** The records the interest wants, oldest first. */
  List<LineageRecord> select(LineageInterest interest) {
    return sorted(records.stream().filter(interest::wants).toList());
  }

  /**
   * The view after appending records as the next lineage version: everything it held, plus them.
   */
  LineageView plus(Collection<LineageRecord> appended, long newVersion) {
    List<LineageRecord> all = new ArrayList<>(records);
    all.addAll(appended);
    return new LineageView(newVersion, interests, all);
  }

  static List<LineageRecord> sorted(List<LineageRecord> records) {
    List<LineageRecord> sorted = new ArrayList<>(records);
    sorted.sort(
        Comparator.comparingLong(LineageRecord::deltaVersion)
            .thenComparing(LineageRecord::partitionKey));
    return sorted;
  }
}
