package lakehouse.benchmark;

/**
 * The few places where the references' SQL differs between DuckDB and Spark: full regular
 * expression matches and lists. Everything else in {@link SilverSql} and {@link GoldFeatureSql} is
 * SQL that both engines run as written.
 */
enum SqlDialect {
  DUCKDB {
    @Override
    String fullMatch(String column, String patternLiteral) {
      return "regexp_full_match(" + column + ", " + patternLiteral + ")";
    }

    @Override
    String nonNullList(String items) {
      return "list_filter([" + items + "], r -> r IS NOT NULL)";
    }

    @Override
    String length(String list) {
      return "len(" + list + ")";
    }
  },

  /**
   * Spark SQL, with {@code spark.sql.parser.escapedStringLiterals} on so that a pattern's
   * backslashes reach the regular expression as written. RLIKE finds a match anywhere, so the
   * pattern is anchored; {@code \z} is the very end, where {@code $} would also match before a last
   * line break.
   */
  SPARK {
    @Override
    String fullMatch(String column, String patternLiteral) {
      String pattern = patternLiteral.substring(1, patternLiteral.length() - 1);
      return column + " RLIKE '^(?:" + pattern + ")\\z'";
    }

    @Override
    String nonNullList(String items) {
      return "filter(array(" + items + "), r -> r IS NOT NULL)";
    }

    @Override
    String length(String list) {
      return "size(" + list + ")";
    }
  };

  /** True when the whole value matches the pattern (an SQL string literal). */
  abstract String fullMatch(String column, String patternLiteral);

  /** The list of the items (SQL expressions) that are not null. */
  abstract String nonNullList(String items);

  abstract String length(String list);
}
