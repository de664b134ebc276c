package lakehouse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Rows per partition of a Parquet folder written with PARTITION_BY, counted after the timed work:
 * the check that the reference computed the same partitions with the same row counts as gold did.
 */
final class PartitionRowCounts {
  private PartitionRowCounts() {}

  static SortedMap<LocalDate, Long> of(Connection db, Path folder, String partitionColumn)
      throws SQLException, IOException {
    SortedMap<LocalDate, Long> counts = new TreeMap<>();
    if (!hasParquet(folder)) {
      return counts;
    }
    String query =
        "SELECT "
            + partitionColumn
            + "::VARCHAR, COUNT(*) FROM read_parquet("
            + SqlText.string(folder.toAbsolutePath() + "/**/*.parquet")
            + ", hive_partitioning = true, hive_types = {'"
            + partitionColumn
            + "': DATE}) GROUP BY 1";
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        counts.put(LocalDate.parse(rows.getString(1)), rows.getLong(2));
      }
    }
    return counts;
  }

  private static boolean hasParquet(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    }
  }
}
