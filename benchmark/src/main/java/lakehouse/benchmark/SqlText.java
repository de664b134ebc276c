package lakehouse.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * SQL literals for DuckDB, whose table functions (read_parquet, read_text) take paths as literals,
 * not parameters.
 */
final class SqlText {
  private SqlText() {}

  static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String path(Path path) {
    return string(path.toAbsolutePath().toString());
  }

  static String pathList(Collection<Path> paths) {
    return paths.stream().map(SqlText::path).collect(Collectors.joining(", ", "[", "]"));
  }

  static String date(LocalDate date) {
    return "DATE '" + date + "'";
  }
}
