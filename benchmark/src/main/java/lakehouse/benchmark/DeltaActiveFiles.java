package lakehouse.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The data files of a Delta table's latest version, replayed from its log without Delta's
 * libraries, so that a reference engine reads exactly the files a Delta reader would: the newest
 * classic checkpoint (single or multi-part Parquet) if there is one, then every JSON commit after
 * it in version order, adds minus removes. A local lake only; V2 (UUID-named) checkpoints and
 * deletion vectors, which the lakehouse's tables do not use, are refused rather than misread.
 */
final class DeltaActiveFiles {
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final Pattern CHECKPOINT =
      Pattern.compile("(\\d{20})\\.checkpoint(\\.\\d{10}\\.\\d{10})?\\.parquet");
  private static final Pattern V2_CHECKPOINT =
      Pattern.compile("\\d{20}\\.checkpoint\\.[0-9a-f-]{36}\\.(json|parquet)");

  private DeltaActiveFiles() {}

  /** The table's active data files; none if the table does not exist yet. */
  static List<Path> of(Connection db, Path table) throws SQLException, IOException {
    return asOf(db, table, Long.MAX_VALUE);
  }

  /** The table's active data files in one partition, {@code column=value}. */
  static List<Path> inPartition(Connection db, Path table, String column, Object value)
      throws SQLException, IOException {
    String partition = column + "=" + value + "/";
    return of(db, table).stream().filter(file -> file.toString().contains(partition)).toList();
  }

  /**
   * The table's active data files as they were before the run's first commit: every commit of a run
   * names the run in its userMetadata, and a benchmark's runs write one after the other, so the
   * run's commits are the newest ones.
   */
  static List<Path> beforeRun(Connection db, Path table, String runId)
      throws SQLException, IOException {
    NavigableMap<Long, Path> commits = commits(table);
    long firstOfRun = Long.MAX_VALUE;
    for (var commit : commits.descendingMap().entrySet()) {
      if (!runId.equals(userMetadata(db, commit.getValue()))) {
        break;
      }
      firstOfRun = commit.getKey();
    }
    return asOf(db, table, firstOfRun == Long.MAX_VALUE ? Long.MAX_VALUE : firstOfRun - 1);
  }

  private static NavigableMap<Long, Path> commits(Path table) throws IOException {
    TreeMap<Long, Path> commits = new TreeMap<>();
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return commits;
    }
    try (Stream<Path> entries = Files.list(log)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        Matcher commit = COMMIT.matcher(entry.getFileName().toString());
        if (commit.matches()) {
          commits.put(Long.parseLong(commit.group(1)), entry);
        }
      }
    }
    return commits;
  }

  private static String userMetadata(Connection db, Path commit) throws SQLException {
    List<String> values =
        strings(
            db,
            "SELECT json ->> '$.commitInfo.userMetadata' FROM read_json_objects("
                + SqlText.path(commit)
                + ", format = 'newline_delimited') WHERE (json -> '$.commitInfo') IS NOT NULL");
    return values.isEmpty() ? null : values.get(0);
  }

  /** The active data files of the newest version not after {@code version}. */
  private static List<Path> asOf(Connection db, Path table, long version)
      throws SQLException, IOException {
    Path log = table.resolve("_delta_log");
    if (version < 0 || !Files.isDirectory(log)) {
      return List.of();
    }
    TreeMap<Long, Path> commits = new TreeMap<>();
    TreeMap<Long, List<Path>> checkpoints = new TreeMap<>();
    try (Stream<Path> entries = Files.list(log)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        Matcher commit = COMMIT.matcher(name);
        Matcher checkpoint = CHECKPOINT.matcher(name);
        if (commit.matches()) {
          commits.put(Long.parseLong(commit.group(1)), entry);
        } else if (checkpoint.matches() && Long.parseLong(checkpoint.group(1)) <= version) {
          checkpoints
              .computeIfAbsent(Long.parseLong(checkpoint.group(1)), v -> new ArrayList<>())
              .add(entry);
        } else if (V2_CHECKPOINT.matcher(name).matches()) {
          throw new IllegalStateException(
              table + " has a V2 checkpoint, which this replay cannot read: " + name);
        }
      }
    }
    Set<String> active = new LinkedHashSet<>();
    long replayFrom = 0;
    if (!checkpoints.isEmpty()) {
      var newest = checkpoints.lastEntry();
      active.addAll(
          strings(
              db,
              "SELECT \"add\".path FROM read_parquet("
                  + SqlText.pathList(newest.getValue())
                  + ") WHERE \"add\" IS NOT NULL"));
      replayFrom = newest.getKey() + 1;
    }
    if (replayFrom <= version) {
      for (Path commit : commits.subMap(replayFrom, true, version, true).values()) {
        applyCommit(db, commit, active);
      }
    }
    return active.stream().map(p -> resolve(table, p)).toList();
  }

  private static void applyCommit(Connection db, Path commit, Set<String> active)
      throws SQLException {
    String actions =
        "SELECT json ->> '$.add.path', json ->> '$.remove.path', json -> '$.add.deletionVector' "
            + "FROM read_json_objects("
            + SqlText.path(commit)
            + ", format = 'newline_delimited')";
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(actions)) {
      while (rows.next()) {
        if (rows.getString(3) != null && !"null".equals(rows.getString(3))) {
          throw new IllegalStateException(
              commit + " adds a file with a deletion vector, which this replay ignores");
        }
        if (rows.getString(1) != null) {
          active.add(rows.getString(1));
        }
        if (rows.getString(2) != null) {
          active.remove(rows.getString(2));
        }
      }
    }
  }

  private static List<String> strings(Connection db, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /**
   * Log paths are URIs, relative to the table unless they have a scheme, with special characters
   * escaped.
   */
  private static Path resolve(Path table, String logPath) {
    URI uri = URI.create(logPath);
    return uri.isAbsolute() ? Path.of(uri) : table.resolve(uri.getPath());
  }
}
