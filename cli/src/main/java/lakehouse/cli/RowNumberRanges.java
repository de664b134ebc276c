package lakehouse.cli;

import org.apache.spark.Partitioner;

/**
 * Sends row number n of N to file {@code n * files / N}: consecutive ranges of equal size, decided
 * by the numbers alone, so the same rows always make the same files (a sampled range partitioning
 * could cut elsewhere from one run to the next).
 */
final class RowNumberRanges extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int files;
  private final long rows;

  RowNumberRanges(int files, long rows) {
    this.files = files;
    this.rows = Math.max(rows, 1);
  }

  @Override
  public int numPartitions() {
    return files;
  }

  @Override
  public int getPartition(Object key) {
    long rowNumber = (Long) key;
    return (int) Math.min(files - 1, Math.max(0, rowNumber * files / rows));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowNumberRanges ranges && ranges.files == files && ranges.rows == rows;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(rows) * 31 + files;
  }
}
