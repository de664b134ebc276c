package lakehouse.silver;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.tables.SilverEvents;
import lakehouse.silver.features.FeatureGroup;
import lakehouse.silver.features.FeatureGroups;
import lakehouse.silver.table.DeclaredTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Silver's daily feature groups, each rebuilt over whole event-date partitions from the events
 * silver holds: what a night does for the dates it changed, and a quarantine replay for the dates
 * its released events entered.
 */
public final class FeatureGroupTables {
  private final SparkSession spark;
  private final TableCatalog catalog;
  private final DeclaredTable events;
  private final List<FeatureGroup> groups = FeatureGroups.all();

  public FeatureGroupTables(SparkSession spark, TableCatalog catalog) {
    this.spark = spark;
    this.catalog = catalog;
    this.events = DeclaredTable.of(catalog.silverEvents());
  }

  /**
   * Recomputes each group over the whole partitions of the dates: older events of a date count too.
   * Returns each group's new version.
   */
  public Map<DeclaredTable, Long> rebuild(SortedSet<LocalDate> dates) {
    Dataset<Row> ofDates =
        events.read(spark).where(col(SilverEvents.EVENT_DATE).isin(dates.toArray()));
    Map<DeclaredTable, Long> versions = new LinkedHashMap<>();
    for (FeatureGroup group : groups) {
      DeclaredTable table = table(group);
      versions.put(table, table.replaceDates(spark, group.compute(ofDates), dates));
    }
    return versions;
  }

  /** Every group's table. */
  public List<DeclaredTable> tables() {
    return groups.stream().map(this::table).toList();
  }

  private DeclaredTable table(FeatureGroup group) {
    return DeclaredTable.of(catalog.featureGroup(group.name()));
  }
}
