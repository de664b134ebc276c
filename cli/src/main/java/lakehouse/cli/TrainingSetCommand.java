package lakehouse.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lakehouse.gold.snapshot.GoldSnapshot;
import lakehouse.gold.snapshot.GoldSnapshots;
import lakehouse.gold.snapshot.SnapshotPastRetentionException;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.gold.table.GoldTable;
import lakehouse.gold.training.EntityColumns;
import lakehouse.gold.training.NumberedEntities;
import lakehouse.gold.training.PointInTimeJoin;
import lakehouse.gold.training.TrainingSetUsageException;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.tables.CampaignDaily;
import lakehouse.shared.tables.UserFeatures;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code training-set}: point-in-time training rows for an entity file, read from one consistent
 * snapshot of the gold tables (taken now and recorded, or named by {@code --snapshot}), written as
 * Parquet with a manifest beside it. The rules of the join are {@link PointInTimeJoin}'s, the
 * choice of versions {@link lakehouse.gold.snapshot.SnapshotRule}'s. It reads the lake and writes
 * only the snapshot record, so it takes no writer lease.
 */
@Command(
    name = TrainingSetCommand.NAME,
    mixinStandardHelpOptions = true,
    description =
        "Point-in-time training rows: each entity row with user_features of the latest as_of_date"
            + " before its day and, with a campaign_id, campaign_daily of the day before, read at"
            + " one consistent gold snapshot.")
final class TrainingSetCommand implements Callable<Integer> {
  static final String NAME = "training-set";

  @Mixin CommonOptions common;

  @Option(
      names = "--entities",
      required = true,
      paramLabel = "FILE",
      description =
          "Parquet or CSV file with user_id, event_timestamp and any other columns (labels,"
              + " campaign_id), all carried through.")
  String entities;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "PATH",
      description = "Folder to write (must not exist): Parquet files and _manifest.json.")
  String out;

  @Option(
      names = FeatureSelection.OPTION,
      split = ",",
      paramLabel = "GROUP[:VERSION]",
      description =
          "Feature groups to join (default: user_features and campaign_daily at the configured"
              + " versions).")
  List<String> features = new ArrayList<>();

  @Option(
      names = MaxAge.OPTION,
      defaultValue = MaxAge.DEFAULT,
      paramLabel = "Nd",
      description =
          "Features older than this before the example's date come back null (default: 7d; features"
              + " as of D-7 are kept for an example on D, as of D-8 not).")
  String maxAge;

  @Option(
      names = "--snapshot",
      paramLabel = "ID",
      description = "Read the gold tables at this recorded snapshot, to reproduce a training set.")
  String snapshotId;

  private final CommandEnvironment environment;

  TrainingSetCommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config =
        new ConfigLoader().load(common.conf, ConfigLoader.overrides(common.lake, common.settings));
    FeatureSelection selection = FeatureSelection.parse(features, config.gold());
    MaxAge age = MaxAge.parse(maxAge);
    SparkSession spark =
        environment.sessions().open("lakehouse training-set", config.sparkSettings());
    try {
      return build(spark, config.lake(), selection, age, config);
    } finally {
      environment.sessions().close(spark);
    }
  }

  private int build(
      SparkSession spark,
      LakeLayout lake,
      FeatureSelection selection,
      MaxAge age,
      LakehouseConfig config)
      throws IOException {
    TableCatalog catalog = new TableCatalog(lake);
    GoldTable userFeatures =
        GoldTable.of(
            catalog.userFeatures(
                selection.includes(UserFeatures.NAME)
                    ? selection.version(UserFeatures.NAME)
                    : config.gold().userFeaturesVersion()));
    GoldTable campaignDaily =
        GoldTable.of(
            catalog.campaignDaily(
                selection.includes(CampaignDaily.NAME)
                    ? selection.version(CampaignDaily.NAME)
                    : config.gold().campaignDailyVersion()));
    for (GoldTable table : List.of(userFeatures, campaignDaily)) {
      if (selection.includes(table.name()) && DeltaLogTail.latestVersion(spark, table.path()) < 0) {
        throw new TrainingSetUsageException(
            FeatureSelection.OPTION
                + " "
                + table.name()
                + ":"
                + table.version()
                + ": the lake has no gold table "
                + table.label()
                + " ("
                + lake.relativize(table.path())
                + ")");
      }
    }
    Path output = new Path(out);
    FileSystem fs = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(output)) {
      throw new TrainingSetUsageException(
          "--out " + out + " exists; give a new path (a training set is never written over)");
    }
    EntityFile entityFile = EntityFile.locate(spark, entities);
    Dataset<Row> entityRows = entityFile.read(spark);

    GoldSnapshots snapshots = new GoldSnapshots(spark, lake);
    GoldSnapshot snapshot = snapshot(snapshots, List.of(userFeatures, campaignDaily));
    for (GoldTable table : List.of(userFeatures, campaignDaily)) {
      if (selection.includes(table.name())
          && snapshot.version(GoldSnapshots.tableId(table)).isEmpty()) {
        throw new TrainingSetUsageException(
            "--snapshot " + snapshot.snapshotId() + " holds no " + table.label());
      }
    }
    boolean campaigns =
        selection.includes(CampaignDaily.NAME)
            && Arrays.asList(entityRows.columns()).contains(EntityColumns.CAMPAIGN_ID);
    Dataset<Row> numbered = NumberedEntities.number(entityRows);
    Dataset<Row> rows =
        PointInTimeJoin.join(
            numbered,
            selection.includes(UserFeatures.NAME)
                ? Optional.of(snapshots.read(snapshot, userFeatures))
                : Optional.empty(),
            campaigns ? Optional.of(snapshots.read(snapshot, campaignDaily)) : Optional.empty(),
            age.days());
    long rowCount = numbered.count();
    try {
      TrainingSetOutput.write(spark, rows, rowCount, out);
    } catch (Exception e) { // Spark rethrows checked exceptions it does not declare
      fs.delete(output, true);
      if (GoldSnapshots.removedFile(e)) {
        throw new SnapshotPastRetentionException(snapshot);
      }
      throw e instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getMessage(), e);
    }
    TrainingSetManifest.write(
        out,
        arguments(),
        entityFile,
        snapshot,
        selection,
        age,
        rowCount,
        environment.clock().instant().toString(),
        spark.sparkContext().hadoopConfiguration());
    environment
        .console()
        .progress(
            NAME
                + ": "
                + rowCount
                + " rows to "
                + out
                + " at snapshot "
                + snapshot.snapshotId()
                + " (manifest "
                + out
                + "/"
                + TrainingSetManifest.FILE
                + ")");
    return ExitStatus.DONE;
  }

  private GoldSnapshot snapshot(GoldSnapshots snapshots, List<GoldTable> tables) {
    if (snapshotId == null) {
      return snapshots.take(tables, environment.clock().instant());
    }
    return snapshots
        .find(snapshotId)
        .orElseThrow(
            () ->
                new TrainingSetUsageException(
                    "--snapshot " + snapshotId + ": no such snapshot recorded in the lake"));
  }

  private List<String> arguments() {
    List<String> arguments =
        new ArrayList<>(List.of("--entities", entities, "--out", out, MaxAge.OPTION, maxAge));
    if (!features.isEmpty()) {
      arguments.addAll(List.of(FeatureSelection.OPTION, String.join(",", features)));
    }
    if (snapshotId != null) {
      arguments.addAll(List.of("--snapshot", snapshotId));
    }
    if (common.lake != null) {
      arguments.addAll(List.of("--lake", common.lake));
    }
    if (common.conf != null) {
      arguments.addAll(List.of("--conf", common.conf.toString()));
    }
    common.settings.forEach(setting -> arguments.addAll(List.of("--set", setting)));
    return arguments;
  }
}
