package lakehouse.gold.snapshot;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lakehouse.gold.promotion.PromotionCommitInfo;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.io.LakeFiles;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Takes consistent snapshots of the gold tables, records them under {@code _snapshots/<id>.json} so
 * they can be found by id, and reads a table at a snapshot's version.
 *
 * <p>Taking a snapshot reads each table's commit log on the driver (no Spark job): the promotion
 * commits say which run wrote them and which tables that run promotes.
 */
public final class GoldSnapshots {
  private static final String SUFFIX = ".json";

  private final SparkSession spark;
  private final LakeLayout lake;
  private final Configuration hadoop;

  public GoldSnapshots(SparkSession spark, LakeLayout lake) {
    this.spark = spark;
    this.lake = lake;
    this.hadoop = spark.sparkContext().hadoopConfiguration();
  }

  /** How a snapshot names a table: {@code user_features/v1}. */
  public static String tableId(GoldTable table) {
    return table.name() + "/" + table.version();
  }

  /**
   * The newest consistent snapshot of the tables that exist among those given, recorded if it is
   * new (a snapshot of the same versions keeps the time it was first taken).
   */
  public GoldSnapshot take(List<GoldTable> tables, Instant now) {
    Map<String, Long> latest = new LinkedHashMap<>();
    List<RunCommit> commits = new ArrayList<>();
    for (GoldTable table : tables) {
      long version = DeltaLogTail.latestVersion(spark, table.path());
      if (version < 0) {
        continue;
      }
      latest.put(tableId(table), version);
      commits.addAll(promotionCommits(table, version));
    }
    Map<String, Long> chosen = SnapshotRule.choose(latest, commits);
    String id = GoldSnapshot.idOf(chosen);
    Optional<GoldSnapshot> recorded = find(id);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    GoldSnapshot snapshot = new GoldSnapshot(id, now.toString(), chosen);
    try {
      LakeFiles.writeAtomically(
          path(id), snapshot.toJson().getBytes(StandardCharsets.UTF_8), hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record snapshot " + id + " at " + path(id), e);
    }
    return snapshot;
  }

  /** The recorded snapshot of that id. */
  public Optional<GoldSnapshot> find(String id) {
    if (id.isBlank() || id.contains("/")) {
      return Optional.empty();
    }
    Path file = new Path(path(id));
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (FSDataInputStream in = fs.open(file)) {
        return Optional.of(
            GoldSnapshot.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + id + " at " + file, e);
    }
  }

  /** The recorded snapshots, newest first, at most {@code limit}. */
  public List<GoldSnapshot> recent(int limit) {
    Path folder = new Path(lake.snapshots());
    List<GoldSnapshot> snapshots = new ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(hadoop);
      if (!fs.exists(folder)) {
        return snapshots;
      }
      for (FileStatus status : fs.listStatus(folder)) {
        String name = status.getPath().getName();
        if (name.endsWith(SUFFIX) && !name.startsWith(".")) {
          find(name.substring(0, name.length() - SUFFIX.length())).ifPresent(snapshots::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list snapshots under " + folder, e);
    }
    return snapshots.stream()
        .sorted(
            Comparator.comparing(GoldSnapshot::takenAt)
                .thenComparing(GoldSnapshot::snapshotId)
                .reversed())
        .limit(limit)
        .toList();
  }

  /**
   * The table's rows at the snapshot's version.
   *
   * @throws SnapshotPastRetentionException the table's log no longer holds that version
   */
  public Dataset<Row> read(GoldSnapshot snapshot, GoldTable table) {
    String id = tableId(table);
    long version =
        snapshot
            .version(id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "snapshot " + snapshot.snapshotId() + " holds no " + id));
    try {
      return spark.read().format("delta").option("versionAsOf", version).load(table.path());
    } catch (Exception e) { // Delta's AnalysisException is checked in Java's eyes, undeclared
      // Delta refuses to time travel to a version whose commit or checkpoint was cleaned up.
      if (DeltaLogTail.latestVersion(spark, table.path()) >= version) {
        throw new SnapshotPastRetentionException(snapshot.snapshotId(), id, version);
      }
      throw e instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Whether a failure reading a snapshot's tables is a data file that is gone (VACUUM removed the
   * files of versions past retention).
   */
  public static boolean removedFile(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FileNotFoundException) {
        return true;
      }
    }
    return false;
  }

  private List<RunCommit> promotionCommits(GoldTable table, long latest) {
    List<RunCommit> commits = new ArrayList<>();
    for (DeltaLogTail.Commit commit :
        DeltaLogTail.commits(spark, table.path(), table.partitionColumn(), 0, latest)) {
      commit
          .userMetadata()
          .flatMap(PromotionCommitInfo::parse)
          .filter(
              info -> info.table().equals(table.name()) && info.version().equals(table.version()))
          .ifPresent(
              info ->
                  commits.add(
                      new RunCommit(
                          tableId(table), commit.version(), info.runId(), info.runTables())));
    }
    return commits;
  }

  private String path(String id) {
    return lake.snapshots() + "/" + id + SUFFIX;
  }
}
