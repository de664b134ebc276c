package lakehouse.gold.cleanup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import lakehouse.shared.config.RetentionSettings;
import lakehouse.shared.lake.CatalogTable;

/**
 * A table whose old partitions {@code cleanup} may delete, with the retention that applies to it.
 *
 * @param retentionDays days a partition is kept; 0 keeps it forever
 * @param cutoff partitions before this date are past the retention
 */
public record PartitionExpiry(CatalogTable table, int retentionDays, LocalDate cutoff) {

  /** The tables with a retention setting, in the given order, each with its cutoff as of today. */
  public static List<PartitionExpiry> select(
      List<CatalogTable> tables, RetentionSettings retention, LocalDate today) {
    List<PartitionExpiry> expiries = new ArrayList<>();
    for (CatalogTable table : tables) {
      OptionalInt days = table.retention().days(retention);
      if (days.isPresent()) {
        expiries.add(new PartitionExpiry(table, days.getAsInt(), today.minusDays(days.getAsInt())));
      }
    }
    return expiries;
  }

  /** Whether any partition can be past the retention: a retention of 0 keeps every partition. */
  public boolean applies() {
    return retentionDays > 0;
  }
}
