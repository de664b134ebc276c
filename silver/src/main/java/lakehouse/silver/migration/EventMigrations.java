package lakehouse.silver.migration;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The chain of schema migrations, oldest first; the version after the last one is the shape silver
 * holds. Supporting a new schema version means adding its migration to {@link #chain()}.
 */
public final class EventMigrations {
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
   * @param versionsPresent the schema versions among the rows; a version outside the chain fails
   *     the run rather than silently losing its rows
   */
  public Dataset<Row> toLatest(Dataset<Row> rows, Set<Integer> versionsPresent) {
    Dataset<Row> migrated = null;
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
      Dataset<Row> ofVersion = rows.where(col(BronzeEvents.SCHEMA_VERSION).equalTo(version));
      for (EventMigration migration : chain) {
        if (migration.fromVersion() >= version) {
          ofVersion = migration.apply(ofVersion);
        }
      }
      migrated = migrated == null ? ofVersion : migrated.unionByName(ofVersion);
    }
    return migrated == null ? rows.limit(0) : migrated;
  }
}
