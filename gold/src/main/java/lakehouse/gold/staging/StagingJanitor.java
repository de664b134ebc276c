package lakehouse.gold.staging;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Removes staging: a run's own staging once its partitions are promoted, and the staging of runs
 * that died, once older than the retention. A run's staging is only ever read by that run, so
 * removing it never changes a gold table.
 */
public final class StagingJanitor {
  private static final String PARTITION_PREFIX = "partition_key=";
  private static final String RUN_PREFIX = "run_id=";

  private final LakeLayout lake;
  private final Configuration hadoop;

  public StagingJanitor(LakeLayout lake, Configuration hadoop) {
    this.lake = lake;
    this.hadoop = hadoop;
  }

  /**
   * Removes every run's staged partition whose newest file is older than the retention (judged by
   * file times, because folders on object stores have none), and every run's unfinished write of
   * its partitions ({@link GoldTable#WRITING}) as old. The retention must exceed the longest run,
   * or a live run's staging could be removed under it; the default (24 hours) does.
   *
   * @param dryRun only report what would be removed
   * @return what was (or would be) removed
   */
  public List<ExpiredStaging> removeExpired(Duration retention, Clock clock, boolean dryRun) {
    Instant cutoff = clock.instant().minus(retention);
    List<ExpiredStaging> expired = new ArrayList<>();
    try {
      Path root = new Path(lake.staging());
      FileSystem fs = root.getFileSystem(hadoop);
      for (FileStatus table : folders(fs, root)) {
        for (FileStatus version : folders(fs, table.getPath())) {
          for (FileStatus partition : folders(fs, version.getPath())) {
            String partitionName = partition.getPath().getName();
            boolean unfinishedWrites = partitionName.equals(GoldTable.WRITING);
            if (!partitionName.startsWith(PARTITION_PREFIX) && !unfinishedWrites) {
              continue;
            }
            int remaining = 0;
            for (FileStatus run : folders(fs, partition.getPath())) {
              String runName = run.getPath().getName();
              if (!runName.startsWith(RUN_PREFIX)) {
                remaining++;
                continue;
              }
              Instant lastModified = newestModification(fs, run);
              if (!lastModified.isBefore(cutoff)) {
                remaining++;
                continue;
              }
              if (!dryRun) {
                fs.delete(run.getPath(), true);
              }
              expired.add(
                  new ExpiredStaging(
                      table.getPath().getName(),
                      version.getPath().getName(),
                      unfinishedWrites
                          ? ExpiredStaging.ALL_PARTITIONS
                          : partitionName.substring(PARTITION_PREFIX.length()),
                      runName.substring(RUN_PREFIX.length()),
                      run.getPath().toString(),
                      lastModified.toString(),
                      !dryRun));
            }
            if (!dryRun && remaining == 0 && !unfinishedWrites) {
              removeIfEmpty(fs, partition.getPath());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean staging under " + lake.staging(), e);
    }
    return expired;
  }

  /**
   * Removes the given staged partitions (a run's own, after promotion) and their emptied parent
   * folders.
   */
  public void discard(Collection<StagedPartition> staged) {
    try {
      for (StagedPartition partition : staged) {
        Path run = new Path(partition.path());
        FileSystem fs = run.getFileSystem(hadoop);
        fs.delete(run, true);
        removeIfEmpty(fs, run.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staging of promoted partitions", e);
    }
  }

  /**
   * Removes a partition's folder that no run stages into any more. A concurrent run may stage into
   * it between the look and the removal; the removal then fails and the folder stays, as it must.
   */
  private static void removeIfEmpty(FileSystem fs, Path partition) {
    try {
      if (fs.exists(partition) && fs.listStatus(partition).length == 0) {
        fs.delete(partition, false);
      }
    } catch (IOException e) {
      // Not empty any more, or already removed by that run's own cleanup.
    }
  }

  private static List<FileStatus> folders(FileSystem fs, Path parent) throws IOException {
    List<FileStatus> folders = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(parent)) {
        if (status.isDirectory()) {
          folders.add(status);
        }
      }
    } catch (FileNotFoundException e) {
      // No staging yet, or removed by a concurrent cleanup: nothing to do.
    }
    return folders;
  }

  private static Instant newestModification(FileSystem fs, FileStatus folder) throws IOException {
    long newest = folder.getModificationTime();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder.getPath(), true);
    while (files.hasNext()) {
      newest = Math.max(newest, files.next().getModificationTime());
    }
    return Instant.ofEpochMilli(newest);
  }
}
