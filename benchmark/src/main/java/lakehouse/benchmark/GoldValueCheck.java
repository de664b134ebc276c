package lakehouse.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the reference's output with the gold table's promoted partitions value by value (run_id
 * aside, which names the writer), after the timed work: equal row counts could still hide a
 * different computation, equal rows cannot. Rows are compared as multisets, so order and file
 * layout do not matter.
 */
final class GoldValueCheck {
  private final Connection db;

  GoldValueCheck(Connection db) {
    this.db = db;
  }

  /** Rows in one side and not the other, both ways; 0 when the partitions hold the same rows. */
  long differingRows(
      Path referenceFolder, Path goldTable, String partitionColumn, Set<LocalDate> partitions)
      throws SQLException, IOException {
    List<Path> goldFiles = DeltaActiveFiles.of(db, goldTable);
    if (goldFiles.isEmpty() || partitions.isEmpty()) {
      return 0;
    }
    String hive = ", hive_partitioning = true, hive_types = {'" + partitionColumn + "': DATE})";
    String reference =
        "read_parquet(" + SqlText.string(referenceFolder.toAbsolutePath() + "/**/*.parquet") + hive;
    String inPartitions =
        " WHERE "
            + partitionColumn
            + " IN ("
            + partitions.stream().map(SqlText::date).collect(Collectors.joining(", "))
            + ")";
    String columns = String.join(", ", columnsBut(reference, "run_id"));
    String referenceRows = "SELECT " + columns + " FROM " + reference;
    String goldRows =
        "SELECT "
            + columns
            + " FROM read_parquet("
            + SqlText.pathList(goldFiles)
            + hive
            + inPartitions;
    return count("(" + referenceRows + ") EXCEPT ALL (" + goldRows + ")")
        + count("(" + goldRows + ") EXCEPT ALL (" + referenceRows + ")");
  }

  /** Named explicitly, because EXCEPT matches columns by position. */
  private List<String> columnsBut(String relation, String left) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      while (rows.next()) {
        if (!rows.getString(1).equals(left)) {
          columns.add("\"" + rows.getString(1) + "\"");
        }
      }
    }
    return columns;
  }

  private long count(String query) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM (" + query + ")")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
