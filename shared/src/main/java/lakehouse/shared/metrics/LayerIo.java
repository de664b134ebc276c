package lakehouse.shared.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one measured stretch of work (a layer of a run) read and wrote, as Spark measured it.
 *
 * @param durationMs wall time of the work, from its start to its return
 * @param read files opened by Spark's file scans, the bytes and records its readers returned
 * @param written files, bytes and records Spark's file writers wrote (Delta and plain Parquet)
 * @param filesReadByFormat files read per scan format: Delta's log is json (commits) and parquet
 *     (checkpoints), its data parquet, the landing zone avro
 * @param deltaCommits writes into a Delta table and Delta table creations that succeeded: one
 *     commit each
 * @param deltaCommitDurationsMs the duration of each of those commits, in the order they ended: the
 *     SQL execution that wrote the files and committed them, from its start to its end
 */
public record LayerIo(
    long durationMs,
    FileIo read,
    FileIo written,
    Map<String, Long> filesReadByFormat,
    long deltaCommits,
    List<Long> deltaCommitDurationsMs) {

  public static final LayerIo NONE =
      new LayerIo(0, FileIo.NONE, FileIo.NONE, Map.of(), 0, List.of());

  public LayerIo {
    filesReadByFormat = Map.copyOf(filesReadByFormat);
    deltaCommitDurationsMs = List.copyOf(deltaCommitDurationsMs);
  }

  /** Both stretches of work together, say the same layer on two dates of a backfill. */
  public LayerIo plus(LayerIo other) {
    Map<String, Long> formats = new TreeMap<>(filesReadByFormat);
    other.filesReadByFormat.forEach((format, files) -> formats.merge(format, files, Long::sum));
    List<Long> commitDurations = new ArrayList<>(deltaCommitDurationsMs);
    commitDurations.addAll(other.deltaCommitDurationsMs);
    return new LayerIo(
        durationMs + other.durationMs,
        read.plus(other.read),
        written.plus(other.written),
        formats,
        deltaCommits + other.deltaCommits,
        commitDurations);
  }

  /**
   * The same figures with reads that Spark's metrics could not see added: files a layer read with a
   * reader of its own, inside its tasks, rather than through a Spark data source.
   */
  public LayerIo withUnseenRead(String format, FileIo unseen) {
    Map<String, Long> formats = new TreeMap<>(filesReadByFormat);
    formats.merge(format, unseen.files(), Long::sum);
    return new LayerIo(
        durationMs, read.plus(unseen), written, formats, deltaCommits, deltaCommitDurationsMs);
  }

  /** Files of the format that Spark's scans read. */
  public long filesRead(String format) {
    return filesReadByFormat.getOrDefault(format, 0L);
  }
}
