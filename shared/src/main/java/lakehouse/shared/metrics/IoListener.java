package lakehouse.shared.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.execution.SparkPlanInfo;
import org.apache.spark.sql.execution.metric.SQLMetricInfo;
import org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.apache.spark.util.AccumulatorContext;
import org.apache.spark.util.AccumulatorV2;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * Adds up, per job tag of an open measurement, what Spark's jobs and SQL executions read and wrote.
 * Runs on Spark's listener thread; the driver opens and takes tallies from its own, so every method
 * is synchronized.
 *
 * <p>Where each figure comes from:
 *
 * <ul>
 *   <li>read: the file scans of the SQL executions started under the tag; files and bytes from
 *       their "number of files read" and "size of files read", which the driver posts, records from
 *       their "number of output rows", which tasks update. Not the tasks' input metrics: those also
 *       count every read of a cached partition, which touches no storage.
 *   <li>written: bytes and records from the output metrics of tasks whose stage belongs to a job
 *       under the tag; files from the "number of written files" a write posts from the driver. A
 *       plain Parquet write names that metric in its plan; Delta's write creates it apart from any
 *       plan, so its name is looked up in Spark's registry of accumulators, which holds it while
 *       the write's transaction lives (Spark's events carry metric ids, not names).
 *   <li>Delta commits: the executions {@link DeltaCommands} recognises, when they succeed.
 * </ul>
 */
final class IoListener extends SparkListener {
  private static final String JOB_TAGS_PROPERTY = "spark.job.tags";
  private static final String FILES_READ = "number of files read";
  private static final String BYTES_READ = "size of files read";
  private static final String ROWS = "number of output rows";
  private static final String FILES_WRITTEN = "number of written files";

  private final Predicate<String> measured;
  private final String markerPrefix;
  private final Map<String, Tally> tallies = new HashMap<>();
  private final Map<Integer, List<String>> stageTags = new HashMap<>();
  private final Map<Long, Execution> executions = new HashMap<>();
  private final Map<String, CompletableFuture<Void>> markers = new HashMap<>();
  private long unnamedUpdates;

  /**
   * @param measured whether a job tag is one this listener tallies
   * @param markerPrefix job tags starting so mark the end of a measurement's events
   */
  IoListener(Predicate<String> measured, String markerPrefix) {
    this.measured = measured;
    this.markerPrefix = markerPrefix;
  }

  synchronized void open(String tag) {
    tallies.put(tag, new Tally());
  }

  /** The figures of a tag so far, forgetting it. */
  synchronized LayerIo take(String tag, long durationMs) {
    Tally tally = tallies.remove(tag);
    return tally == null ? LayerIo.NONE : tally.figures(durationMs);
  }

  /** Completes when the listener sees an SQL execution started under the marker tag. */
  synchronized CompletableFuture<Void> expect(String marker) {
    return markers.computeIfAbsent(marker, m -> new CompletableFuture<>());
  }

  synchronized void forget(String marker) {
    markers.remove(marker);
  }

  /**
   * Driver metric updates whose metric could not be named (its accumulator was already gone) since
   * the last call.
   */
  synchronized long takeUnnamedUpdates() {
    long unnamed = unnamedUpdates;
    unnamedUpdates = 0;
    return unnamed;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart job) {
    List<String> tags = measuredTags(job.properties());
    if (tags.isEmpty()) {
      return;
    }
    for (Object stage : JavaConverters.seqAsJavaList(job.stageIds())) {
      stageTags.putIfAbsent((Integer) stage, tags);
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
    List<String> tags = stageTags.get(task.stageId());
    TaskMetrics metrics = task.taskMetrics();
    if (tags != null && metrics != null) {
      for (Tally tally : talliesOf(tags)) {
        tally.bytesWritten += metrics.outputMetrics().bytesWritten();
        tally.recordsWritten += metrics.outputMetrics().recordsWritten();
      }
    }
    if (task.taskInfo() == null || executions.isEmpty()) {
      return;
    }
    for (AccumulableInfo update : JavaConverters.seqAsJavaList(task.taskInfo().accumulables())) {
      if (update.update().isDefined() && update.update().get() instanceof Long rows) {
        for (Execution execution : executions.values()) {
          execution.rowsRead(update.id(), rows);
        }
      }
    }
  }

  @Override
  public synchronized void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionStart start) {
      started(start);
    } else if (event instanceof SparkListenerSQLAdaptiveExecutionUpdate update) {
      Execution execution = executions.get(update.executionId());
      if (execution != null) {
        execution.learn(update.sparkPlanInfo());
      }
    } else if (event instanceof SparkListenerDriverAccumUpdates updates) {
      Execution execution = executions.get(updates.executionId());
      if (execution != null) {
        for (Tuple2<Object, Object> update : JavaConverters.seqAsJavaList(updates.accumUpdates())) {
          execution.driverUpdate((Long) update._1(), (Long) update._2());
        }
      }
    } else if (event instanceof SparkListenerSQLExecutionEnd end) {
      Execution execution = executions.remove(end.executionId());
      if (execution != null) {
        // Spark 3.5 reports a success as an empty message.
        execution.end(
            end.errorMessage().isEmpty() || end.errorMessage().get().isEmpty(), end.time());
      }
    }
  }

  private void started(SparkListenerSQLExecutionStart start) {
    Set<String> jobTags = JavaConverters.setAsJavaSet(start.jobTags());
    for (String tag : jobTags) {
      if (tag.startsWith(markerPrefix)) {
        CompletableFuture<Void> marker = markers.remove(tag);
        if (marker != null) {
          marker.complete(null);
        }
      }
    }
    List<String> tags = jobTags.stream().filter(measured).filter(tallies::containsKey).toList();
    if (tags.isEmpty()) {
      return;
    }
    boolean root =
        start.rootExecutionId().isEmpty()
            || ((Long) start.rootExecutionId().get()) == start.executionId();
    Execution execution =
        new Execution(
            tags,
            root && DeltaCommands.commits(start.sparkPlanInfo(), start.physicalPlanDescription()),
            start.time());
    execution.learn(start.sparkPlanInfo());
    executions.put(start.executionId(), execution);
  }

  private List<String> measuredTags(Properties properties) {
    String tags = properties == null ? null : properties.getProperty(JOB_TAGS_PROPERTY);
    if (tags == null || tags.isEmpty()) {
      return List.of();
    }
    List<String> ours = new ArrayList<>();
    for (String tag : tags.split(",", -1)) {
      if (measured.test(tag) && tallies.containsKey(tag)) {
        ours.add(tag);
      }
    }
    return ours;
  }

  private List<Tally> talliesOf(List<String> tags) {
    List<Tally> open = new ArrayList<>(tags.size());
    for (String tag : tags) {
      Tally tally = tallies.get(tag);
      if (tally != null) {
        open.add(tally);
      }
    }
    return open;
  }

  /** What a metric of a plan counts, as far as these figures care. */
  private enum Counts {
    FILES_READ,
    BYTES_READ,
    FILES_WRITTEN
  }

  /** A driver-side metric of a plan: what it counts, and of which scan format if it reads. */
  private record Metric(Counts counts, String format) {}

  /** One SQL execution under a measured tag, until it ends. */
  private final class Execution {
    private final List<String> tags;
    private final boolean deltaCommit;
    private final long startedAtMs;
    private final Map<Long, Metric> driverMetrics = new HashMap<>();
    private final Set<Long> scanRows = new HashSet<>();
    private final Map<Long, Long> driverValues = new HashMap<>();
    private long rowsRead;

    Execution(List<String> tags, boolean deltaCommit, long startedAtMs) {
      this.tags = tags;
      this.deltaCommit = deltaCommit;
      this.startedAtMs = startedAtMs;
    }

    /** The metrics of the plan's file scans and writes, by accumulator id. */
    void learn(SparkPlanInfo node) {
      List<SQLMetricInfo> metrics = JavaConverters.seqAsJavaList(node.metrics());
      // A file scan counts its files; an RDD scan ("Scan ExistingRDD") reads no storage.
      String format =
          metrics.stream().anyMatch(metric -> FILES_READ.equals(metric.name()))
              ? scanFormat(node.nodeName())
              : null;
      for (SQLMetricInfo metric : metrics) {
        String name = metric.name();
        if (format != null && FILES_READ.equals(name)) {
          driverMetrics.put(metric.accumulatorId(), new Metric(Counts.FILES_READ, format));
        } else if (format != null && BYTES_READ.equals(name)) {
          driverMetrics.put(metric.accumulatorId(), new Metric(Counts.BYTES_READ, format));
        } else if (format != null && ROWS.equals(name)) {
          scanRows.add(metric.accumulatorId());
        } else if (FILES_WRITTEN.equals(name)) {
          driverMetrics.put(metric.accumulatorId(), new Metric(Counts.FILES_WRITTEN, null));
        }
      }
      for (SparkPlanInfo child : JavaConverters.seqAsJavaList(node.children())) {
        learn(child);
      }
    }

    /** A task's update of a metric, counted if it is the rows of one of this plan's scans. */
    void rowsRead(long accumulatorId, long rows) {
      if (scanRows.contains(accumulatorId)) {
        rowsRead += rows;
      }
    }

    /**
     * A driver-side metric's value; the latest one counts, as Spark's SQL tab has it. A metric no
     * plan names is looked up by id right away, while its write still holds it.
     */
    void driverUpdate(long accumulatorId, long value) {
      if (!driverMetrics.containsKey(accumulatorId)) {
        if (!FILES_WRITTEN.equals(registeredName(accumulatorId))) {
          return;
        }
        driverMetrics.put(accumulatorId, new Metric(Counts.FILES_WRITTEN, null));
      }
      driverValues.put(accumulatorId, value);
    }

    void end(boolean succeeded, long endedAtMs) {
      for (Tally tally : talliesOf(tags)) {
        tally.recordsRead += rowsRead;
        for (Map.Entry<Long, Long> value : driverValues.entrySet()) {
          Metric metric = driverMetrics.get(value.getKey());
          switch (metric.counts()) {
            case FILES_READ -> {
              if (value.getValue() > 0) {
                tally.filesRead += value.getValue();
                tally.filesReadByFormat.merge(metric.format(), value.getValue(), Long::sum);
              }
            }
            case BYTES_READ -> tally.bytesRead += value.getValue();
            case FILES_WRITTEN -> tally.filesWritten += value.getValue();
          }
        }
        if (deltaCommit && succeeded) {
          tally.deltaCommits++;
          tally.deltaCommitDurationsMs.add(Math.max(0, endedAtMs - startedAtMs));
        }
      }
    }
  }

  private String registeredName(long accumulatorId) {
    try {
      scala.Option<AccumulatorV2<?, ?>> accumulator = AccumulatorContext.get(accumulatorId);
      return accumulator.isDefined() && accumulator.get().name().isDefined()
          ? accumulator.get().name().get()
          : null;
    } catch (RuntimeException collected) {
      // Spark throws for an accumulator it registered but the garbage collector already took.
      unnamedUpdates++;
      return null;
    }
  }

  /** The format of a scan node, "Scan parquet " or "Scan json ". */
  private static String scanFormat(String nodeName) {
    if (!nodeName.startsWith("Scan ")) {
      return null;
    }
    String rest = nodeName.substring("Scan ".length()).trim();
    int space = rest.indexOf(' ');
    String format = space < 0 ? rest : rest.substring(0, space);
    return format.isEmpty() ? null : format.toLowerCase(Locale.ROOT);
  }

  /** A tag's running figures. */
  private static final class Tally {
    long filesRead;
    long bytesRead;
    long recordsRead;
    long filesWritten;
    long bytesWritten;
    long recordsWritten;
    long deltaCommits;
    final List<Long> deltaCommitDurationsMs = new ArrayList<>();
    final Map<String, Long> filesReadByFormat = new TreeMap<>();

    LayerIo figures(long durationMs) {
      return new LayerIo(
          durationMs,
          new FileIo(filesRead, bytesRead, recordsRead),
          new FileIo(filesWritten, bytesWritten, recordsWritten),
          filesReadByFormat,
          deltaCommits,
          deltaCommitDurationsMs);
    }
  }
}
