package lakehouse.gold.staging;

/**
 * How many files one gold partition is written as: ceil(rows / maxRowsPerFile), at least one so an
 * empty partition still has a file that carries its schema. Bounding rows (not bytes) per file
 * keeps the rule predictable before anything is written, and it never makes many small files for a
 * small day.
 *
 * <p>How the work is split: the aggregations run with the session's {@code
 * spark.sql.shuffle.partitions} (the configuration's {@code lakehouse.spark} settings); the rows of
 * one partition are then coalesced to one file (no shuffle) or, when they need several,
 * range-partitioned by the table's key into that many files, so that each file holds a contiguous
 * key range (a reader looking up one user or campaign skips the other files by their min/max
 * statistics). Every write also sets {@code maxRecordsPerFile}, so no file exceeds the bound even
 * when a range comes out uneven; promotion, which rewrites the staged rows into the table, sets it
 * too.
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
