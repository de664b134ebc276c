package lakehouse.silver.migration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Brings bronze rows of one schema version to the next. Rows keep the bronze shape (the union of
 * every version's fields, lakehouse.shared.tables.BronzeEvents.SCHEMA); a migration fills the next
 * version's fields from the older ones. Versions reach the latest shape by the chain of migrations
 * from their own version, so a new schema version is one more migration, and the existing ones stay
 * as they are.
 */
public interface EventMigration {

  /** The version of the rows this migration takes. */
  int fromVersion();

  default int toVersion() {
    return fromVersion() + 1;
  }

  /**
   * Rows of {@link #fromVersion()} in, the same rows in the shape of {@link #toVersion()} out. It
   * replaces the fields it migrates and keeps every other column, those outside the bronze shape
   * included ({@link EventMigrations} carries its own columns through).
   */
  Dataset<Row> apply(Dataset<Row> rows);
}
