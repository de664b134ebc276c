package lakehouse.silver;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import lakehouse.shared.config.SilverSettings;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.AdHourlyActivity;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.UserDailyActivity;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A lake in a temporary folder: bronze written directly, silver run with the default settings. */
final class TestLake {
  static final SilverSettings DEFAULTS = new SilverSettings(2, Duration.ofHours(1));

  final LakeLayout layout;
  private final SparkSession spark;

  TestLake(SparkSession spark, Path root) {
    this.spark = spark;
    this.layout = new LakeLayout(root.toString());
  }

  /** Lands the events in bronze as bronze would: one commit, partitioned by ingest date. */
  void bronze(TestEvent... events) {
    DeltaPartitionWriter.append(
        TestEvent.bronze(spark, events), layout.bronzeEvents(), BronzeEvents.PARTITION_COLUMN);
  }

  SilverResult silver(LocalDate ingestDate, String runId) {
    return new SilverLayer(spark, layout, DEFAULTS).process(ingestDate, runId);
  }

  Dataset<Row> read(String path) {
    return spark.read().format("delta").load(path);
  }

  Dataset<Row> silverEvents() {
    return read(layout.silverEvents());
  }

  Dataset<Row> quarantine() {
    return read(layout.quarantine());
  }

  Dataset<Row> userDailyActivity() {
    return read(layout.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION));
  }

  Dataset<Row> adHourlyActivity() {
    return read(layout.featureGroup(AdHourlyActivity.NAME, AdHourlyActivity.VERSION));
  }

  String ledgerPath() {
    return ProcessedFilesLedger.path(layout);
  }

  /** Delta version of every table silver writes (-1 for a table not created yet). */
  Map<String, Long> versions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String path :
        new String[] {
          layout.silverEvents(),
          layout.quarantine(),
          ledgerPath(),
          layout.featureGroup(UserDailyActivity.NAME, UserDailyActivity.VERSION),
          layout.featureGroup(AdHourlyActivity.NAME, AdHourlyActivity.VERSION)
        }) {
      versions.put(path, DeltaPartitionWriter.version(spark, path));
    }
    return versions;
  }
}
