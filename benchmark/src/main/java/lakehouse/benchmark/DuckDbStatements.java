package lakehouse.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The statements the DuckDB references share: running one, and writing a query as Parquet. */
final class DuckDbStatements {
  private DuckDbStatements() {}

  static void execute(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Writes the query's rows as Parquet: a folder with one subfolder per value of the partition
   * column, or the single file {@code <folder>.parquet} when there is none.
   */
  static void copyToParquet(Connection db, String query, Path folder, String partitionColumn)
      throws SQLException {
    execute(
        db,
        "COPY ("
            + query
            + ") TO "
            + SqlText.path(partitionColumn == null ? Path.of(folder + ".parquet") : folder)
            + " (FORMAT PARQUET"
            + (partitionColumn == null ? "" : ", PARTITION_BY (" + partitionColumn + ")")
            + ")");
  }
}
