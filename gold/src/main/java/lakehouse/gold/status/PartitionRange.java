package lakehouse.gold.status;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The partitions {@code status} shows: those from a first date to a last one, either bound open.
 */
public record PartitionRange(Optional<LocalDate> from, Optional<LocalDate> to) {

  public static PartitionRange all() {
    return new PartitionRange(Optional.empty(), Optional.empty());
  }

  /** The rows of the partitions in the range. */
  Dataset<Row> select(Dataset<Row> rows, String partitionColumn) {
    Dataset<Row> selected = rows;
    if (from.isPresent()) {
      selected = selected.where(col(partitionColumn).geq(java.sql.Date.valueOf(from.get())));
    }
    if (to.isPresent()) {
      selected = selected.where(col(partitionColumn).leq(java.sql.Date.valueOf(to.get())));
    }
    return selected;
  }
}
