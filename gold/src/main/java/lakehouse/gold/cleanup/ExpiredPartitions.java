package lakehouse.gold.cleanup;

import java.time.LocalDate;
import java.util.List;

/**
 * The partitions of one table that were (or, on a dry run, would be) deleted as past their
 * retention.
 *
 * @param table where the table lives relative to the lake root
 * @param partitions the partition values in order; none when nothing is past the retention
 */
public record ExpiredPartitions(
    String table, String path, LocalDate cutoff, List<String> partitions) {
  public ExpiredPartitions {
    partitions = List.copyOf(partitions);
  }
}
