package lakehouse.gold.staging;

/**
 * How many files one gold partition is written as: ceil(rows / maxRowsPerFile), at least one so an
 * empty partition still has a file that carries its schema. Bounding rows (not bytes) per file
 * keeps the rule predictable from the row count alone, and it never makes many small files for a
 * small day.
 *
 * <p>How the work is split: the aggregations run with the session's {@code
 * spark.sql.shuffle.partitions} (the configuration's {@code lakehouse.spark} settings); the rows of
 * one partition then all go to one task, sorted by the table's key, which starts a new file every
 * max-rows-per-file rows ({@code maxRecordsPerFile}): so each file holds a contiguous key range (a
 * reader looking up one user or campaign skips the other files by their min/max statistics).
 * Promotion, which rewrites the staged rows into the table, sets the same bound.
 */
public final class FileCount {
  private FileCount() {}

  public static int forRows(long rows, long maxRowsPerFile) {
    if (maxRowsPerFile <= 0) {
      throw new IllegalArgumentException(
          "max rows per file must be positive, got " + maxRowsPerFile);
    }
    long files = (rows + maxRowsPerFile - 1) / maxRowsPerFile;
    return (int) Math.max(1, Math.min(files, Integer.MAX_VALUE));
  }
}
