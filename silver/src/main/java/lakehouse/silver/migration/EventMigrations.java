package lakehouse.silver.migration;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The chain of schema migrations, oldest first; the version after the last one is the shape silver
 * holds. Supporting a new schema version means adding its migration to {@link #chain()}.
 */
public final class EventMigrations {
  /** Prefix of the columns holding each row's values from before a migration. */
  private static final String ORIGINAL = "_before_migration_";

  private final List<EventMigration> chain;

  public EventMigrations(List<EventMigration> chain) {
    for (int i = 1; i < chain.size(); i++) {
      if (chain.get(i).fromVersion() != chain.get(i - 1).toVersion()) {
        throw new IllegalArgumentException(
            "migrations must form a chain: "
                + chain.get(i - 1).getClass().getSimpleName()
                + " ends at v"
                + chain.get(i - 1).toVersion()
                + ", "
                + chain.get(i).getClass().getSimpleName()
                + " starts at v"
                + chain.get(i).fromVersion());
      }
    }
    this.chain = List.copyOf(chain);
  }

  /** The registered chain: v1 to v2. */
  public static EventMigrations chain() {
    return new EventMigrations(List.of(new V1ToV2Migration()));
  }

  public int firstVersion() {
    return chain.get(0).fromVersion();
  }

  public int latestVersion() {
    return chain.get(chain.size() - 1).toVersion();
  }

  /**
   * Every row in the latest shape. Rows of each version present go through the migrations from
   * their version on; {@code schema_version} keeps the version the record was written in.
   *
   * <p>One projection over the rows, whatever the number of versions: each migration is applied to
   * every row and its result kept only for the rows of its version or older. A union of one branch
   * per version would read and validate the input once per branch.
   *
   * @param versionsPresent the schema versions among the rows; a version outside the chain fails
   *     the run rather than silently losing its rows
   */
  public Dataset<Row> toLatest(Dataset<Row> rows, Set<Integer> versionsPresent) {
    for (int version : new TreeSet<>(versionsPresent)) {
      if (version < firstVersion() || version > latestVersion()) {
        throw new IllegalStateException(
            "bronze holds events of schema version "
                + version
                + ", which silver cannot migrate (it knows v"
                + firstVersion()
                + " to v"
                + latestVersion()
                + "): add a migration for it");
      }
    }
    Dataset<Row> migrated = rows;
    for (EventMigration migration : chain) {
      if (versionsPresent.stream().anyMatch(version -> version <= migration.fromVersion())) {
        migrated = applyUpTo(migration, migrated);
      }
    }
    return migrated;
  }

  /** The migration's result for rows of its version or older; the other rows as they are. */
  private static Dataset<Row> applyUpTo(EventMigration migration, Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    List<Column> withOriginals = new ArrayList<>();
    columns.forEach(column -> withOriginals.add(col(column)));
    columns.forEach(column -> withOriginals.add(col(column).as(ORIGINAL + column)));
    Dataset<Row> applied = migration.apply(rows.select(withOriginals.toArray(Column[]::new)));
    Column due = col(ORIGINAL + BronzeEvents.SCHEMA_VERSION).leq(migration.fromVersion());
    // A column the migration left alone becomes "CASE WHEN due THEN x ELSE x", which the optimizer
    // reduces to x.
    return applied.select(
        columns.stream()
            .map(column -> when(due, col(column)).otherwise(col(ORIGINAL + column)).as(column))
            .toArray(Column[]::new));
  }
}
