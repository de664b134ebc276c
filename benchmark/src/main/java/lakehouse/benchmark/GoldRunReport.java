package lakehouse.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a night's gold layer computed, from its run report {@code _runs/<run id>.json}: the
 * partitions of each table with their row counts (so the reference computes the same partitions and
 * its counts can be checked) and gold's own duration. Read with DuckDB's JSON functions, so the
 * reference needs no other library.
 *
 * @param rowsPerPartition table name to partition date to the rows gold computed for it
 */
record GoldRunReport(
    String runId, long goldDurationMs, Map<String, SortedMap<LocalDate, Long>> rowsPerPartition) {

  static final String USER_FEATURES = "user_features";
  static final String CAMPAIGN_DAILY = "campaign_daily";

  static GoldRunReport read(Connection db, Path report) throws SQLException {
    String json = "(SELECT content::JSON AS j FROM read_text(" + SqlText.path(report) + "))";
    String runId;
    long durationMs;
    try (Statement statement = db.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT j ->> '$.run_id', (j ->> '$.layers.gold.duration_ms')::BIGINT"
                    + " FROM "
                    + json)) {
      row.next();
      runId = row.getString(1);
      durationMs = row.getLong(2);
      if (row.wasNull()) {
        throw new IllegalArgumentException(
            report + " has no layers.gold object: the run built no gold");
      }
    }
    Map<String, SortedMap<LocalDate, Long>> rows = new TreeMap<>();
    String partitions =
        "SELECT t.key, p.key, p.value::BIGINT FROM "
            + json
            + " r, "
            + "json_each(r.j, '$.layers.gold.rows_per_partition') t, json_each(t.value) p";
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(partitions)) {
      while (row.next()) {
        rows.computeIfAbsent(row.getString(1), t -> new TreeMap<>())
            .put(LocalDate.parse(row.getString(2)), row.getLong(3));
      }
    }
    return new GoldRunReport(runId, durationMs, rows);
  }

  SortedMap<LocalDate, Long> partitionsOf(String table) {
    return rowsPerPartition.getOrDefault(table, new TreeMap<>());
  }
}
