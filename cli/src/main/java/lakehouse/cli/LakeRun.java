package lakehouse.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lakehouse.cli.metrics.GoldUpToDate;
import lakehouse.cli.metrics.LakeGaugeReader;
import lakehouse.cli.metrics.LakeGauges;
import lakehouse.cli.metrics.LayerOutcomes;
import lakehouse.cli.metrics.MetricsExport;
import lakehouse.cli.metrics.RunMetrics;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.error.LakehouseException;
import lakehouse.shared.lake.LakeStorage;
import lakehouse.shared.lock.LakeWriterLease;
import lakehouse.shared.run.RunId;
import lakehouse.shared.run.RunReport;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.run.Versions;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command that changes the lake: its validated configuration, its run id, its SparkSession
 * (started only after everything the user gave was checked, so a usage error never waits for
 * Spark), on an object store or HDFS the lake's writer lease, and the report it leaves in {@code
 * _runs/}, whatever happens.
 */
final class LakeRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LakeRun.class);

  private final String command;
  private final List<String> arguments;
  private final LakehouseConfig config;
  private final String runId;
  private final Clock clock;
  private final CommandEnvironment.SparkSessions sessions;
  private final Instant startedAt;
  private final Map<String, Object> layers = new LinkedHashMap<>();
  private final LayerOutcomes outcomes = new LayerOutcomes();
  private boolean watchesLake;
  private Optional<GoldUpToDate> goldUpToDate = Optional.empty();
  private final Console console;
  private final LogLines logs;
  private LogLines.RunLog runLog;
  private SparkSession spark;
  private RunCost cost;
  private LakeWriterLease lease;
  private boolean foldersChecked;

  /** Whether the work failed because the lake's object store stopped answering. */
  private boolean storeDown;

  private LakeRun(
      String command,
      List<String> arguments,
      LakehouseConfig config,
      String runId,
      CommandEnvironment environment) {
    this.command = command;
    this.arguments = List.copyOf(arguments);
    this.config = config;
    this.runId = runId;
    this.clock = environment.clock();
    this.sessions = environment.sessions();
    this.console = environment.console();
    this.logs = environment.logs();
    this.startedAt = clock.instant();
  }

  /**
   * Validates the options and configuration; throws ConfigurationException (exit 2) on any problem.
   */
  static LakeRun prepare(
      String command,
      List<String> arguments,
      CommonOptions options,
      CommandEnvironment environment) {
    LakehouseConfig config =
        new ConfigLoader()
            .load(options.conf, ConfigLoader.overrides(options.lake, options.settings));
    MetricsExport.validate(config.metrics());
    String runId =
        options.runId == null
            ? RunId.generate(command, environment.clock())
            : RunId.validate(options.runId);
    return new LakeRun(command, arguments, config, runId, environment);
  }

  LakehouseConfig config() {
    return config;
  }

  String runId() {
    return runId;
  }

  Clock clock() {
    return clock;
  }

  synchronized SparkSession spark() {
    if (spark == null) {
      // A root that cannot hold the log is said as such, not as a log that cannot start.
      LakeStorageCheck.checkLocalRoot(config.lake());
      // From here on Spark and Hadoop log: into the run's log, beside its report.
      runLog = logs.startRun(config.lake(), runId);
      LOG.info("{} {} {}: lake {}", command, runId, arguments, config.lake().root());
      spark = sessions.open("lakehouse " + command + " " + runId, config.sparkSettings());
      cost = RunCost.of(spark);
    }
    return spark;
  }

  /** What the run's layers read and wrote, measured as they run; starts Spark if needed. */
  synchronized RunCost cost() {
    spark();
    return cost;
  }

  /**
   * Starts Spark and, for a lake on an object store or HDFS, takes the lake's writer lease before
   * anything is written: Delta's S3 log store is safe for one writing application only, and gold's
   * per-table file lock orders promotions on one machine only (see {@link LakeStorage}), so a
   * second application waits for the first to finish, then refuses to start. First it checks that
   * no file stands where one of the lake's folders belongs and that every table's log can be read
   * ({@link LakeStorageCheck}).
   *
   * @throws LakehouseException naming a file where a folder of the lake belongs
   * @throws lakehouse.shared.lock.LakeWriterBusyException if another application kept the lease
   *     past the wait
   */
  synchronized void startWriting() {
    SparkSession session = spark();
    if (!foldersChecked) {
      LakeStorageCheck.checkTables(config, session.sparkContext().hadoopConfiguration());
      LakeStorageCheck.checkTableLogs(session, config);
      foldersChecked = true;
    }
    if (lease != null
        || !config.writerLease().enabled()
        || !LakeStorage.of(config.lake().root()).takesWriterLease()) {
      return;
    }
    lease =
        LakeWriterLease.acquire(
            config.lake(),
            session.sparkContext().hadoopConfiguration(),
            config.writerLease(),
            runId,
            Clock.systemUTC(),
            new LakeWriterLease.Listener() {
              @Override
              public void waiting(String heldBy, Duration upTo) {
                console.progress(
                    command
                        + " "
                        + runId
                        + ": the lake is being written by "
                        + heldBy
                        + "; waiting up to "
                        + upTo.toString().substring(2).toLowerCase(Locale.ROOT)
                        + " for it to finish");
              }

              @Override
              public void lost(String reason) {
                console.error(reason + "; stopping this run's Spark jobs");
                session.sparkContext().cancelAllJobs();
              }
            });
  }

  /** Records a layer's part of the report; serialised with the report, counted in its metrics. */
  void layer(String name, Object report) {
    layers.put(name, report);
    outcomes.add(report);
  }

  /**
   * Counts a layer's result in the run's metrics, when the report keeps it elsewhere (per date).
   */
  void counted(Object result) {
    outcomes.add(result);
  }

  /**
   * The run's metrics include the lake's state after it (freshness, backlog, watermark, stale gold
   * partitions): for the commands that move the lake forward.
   */
  void watchesLake() {
    watchesLake = true;
  }

  /**
   * The event dates the run's gold has just searched and brought up to date (the last such search
   * of the run, after which silver did not change): the lake's gauges count no stale partition
   * there without reading again.
   */
  void goldUpToDate(GoldUpToDate dates) {
    goldUpToDate = Optional.of(dates);
  }

  /**
   * Runs the command's work, then writes the report and says how it ended; returns the exit status.
   * A {@link LakehouseException} is said in one line, its message alone; any other exception is a
   * bug, logged with its stack trace.
   */
  int complete(Callable<RunOutcome> work) throws IOException {
    RunOutcome outcome;
    try {
      outcome = work.call();
    } catch (LakehouseException e) {
      // A failure the user can act on: its message is the whole story.
      outcome = RunOutcome.failed(e.getMessage());
      console.error(command + " " + runId + " failed: " + e.getMessage());
      LOG.debug("{} {} failed", command, runId, e);
    } catch (Exception e) {
      Optional<String> outage = ObjectStoreOutage.describe(e);
      if (outage.isPresent()) {
        // The lake's store stopped answering: not a bug, and the user's action is to run again.
        storeDown = true;
        outcome = RunOutcome.failed(outage.get());
        console.error(command + " " + runId + " failed: " + outage.get());
        LOG.error("{} {} failed", command, runId, e);
        return end(outcome);
      }
      // A bug: its class says what went wrong, the stack trace in the log says where.
      outcome = RunOutcome.failed(e.toString());
      LOG.error("{} {} failed", command, runId, e);
      console.error(
          command + " " + runId + " failed: " + e + " (" + logs.whereStackTracesGo() + ")");
    }
    return end(outcome);
  }

  /** Writes the report of a work that ended so, says where it is, and returns the exit status. */
  int end(RunOutcome outcome) throws IOException {
    RunReport report;
    try {
      report = finish(outcome);
    } catch (IOException | RuntimeException e) {
      Optional<String> outage = ObjectStoreOutage.describe(e);
      if (!storeDown || outage.isEmpty()) {
        throw e;
      }
      // The run failed as its store stopped answering, and the store still does not answer: the
      // failure is said already; the report cannot be written, which is worth a warning only.
      LOG.warn("cannot write the report of {} {}", command, runId, e);
      console.warn(
          "the report "
              + config.lake().runReport(runId)
              + " could not be written: the lake's object store did not answer");
      console.progress(command + " " + runId + ": " + RunStatus.FAILED.label() + "; no report");
      return ExitStatus.FAILED;
    }
    console.progress(
        command
            + " "
            + runId
            + ": "
            + report.status().label()
            + "; report "
            + config.lake().runReport(runId));
    return report.exitStatus();
  }

  /**
   * Writes the report and returns it. Needs the SparkSession's Hadoop configuration to reach the
   * lake. A run that lost the writer lease is reported failed whatever it did: another application
   * may have written beside it.
   */
  private RunReport finish(RunOutcome outcome) throws IOException {
    boolean leaseLost = lease != null && !lease.isHeld() && outcome.status() != RunStatus.FAILED;
    RunOutcome reported =
        leaseLost
            ? RunOutcome.failed(
                "the lake's writer lease was lost during the run; check the tables before the next run")
            : outcome;
    Instant endedAt = clock.instant();
    RunMetrics metrics = metrics(reported.status(), endedAt);
    RunReport.Builder report =
        RunReport.builder(runId, command)
            .arguments(arguments)
            .status(reported.status())
            .profile(config.profile())
            .lake(config.lake().root())
            .configuration(RunReportWriter.parse(ConfigLoader.maskedJson(config.effective())))
            .versions(Versions.current(spark().version()))
            .timing(startedAt, endedAt)
            .layers(layers)
            .cost(cost == null ? null : cost.report())
            .metrics(
                metrics.exported(
                    new MetricsExport(config.metrics(), console::warn).export(metrics)));
    reported.error().ifPresent(report::error);
    RunReport written = report.build();
    new RunReportWriter(config.lake(), spark().sparkContext().hadoopConfiguration()).write(written);
    return written;
  }

  /**
   * The run's metrics, from the layers' results, what Spark measured of them and, for a command
   * that watches the lake, the lake's state now. A lake state that cannot be read is a warning.
   */
  private RunMetrics metrics(RunStatus status, Instant endedAt) {
    LakeGauges lake = null;
    List<String> warnings = new ArrayList<>();
    if (watchesLake && storeDown) {
      // Reading it would only wait out the store's retries once more.
      warnings.add("the lake's state was not read: the lake's object store did not answer");
    } else if (watchesLake) {
      try {
        lake =
            new LakeGaugeReader(spark(), config, clock)
                .read(runId, outcomes.arrivals(), goldUpToDate);
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot read the lake's state for the run's metrics", e);
        warnings.add("the lake's state (freshness, backlog, watermark) could not be read: " + e);
        console.warn(warnings.get(0));
      }
    }
    return RunMetrics.of(
        command,
        status,
        startedAt,
        endedAt,
        outcomes.metrics(cost == null ? Map.of() : cost.layers()),
        lake,
        warnings);
  }

  @Override
  public void close() {
    try {
      if (lease != null) {
        lease.close();
      }
    } catch (RuntimeException e) {
      console.warn(e.getMessage());
    } finally {
      try {
        if (cost != null) {
          cost.close();
        }
        if (runLog != null) {
          runLog.close(
              spark == null
                  ? new org.apache.hadoop.conf.Configuration()
                  : spark.sparkContext().hadoopConfiguration());
        }
      } catch (RuntimeException e) {
        console.warn(e.getMessage());
      } finally {
        if (spark != null) {
          sessions.close(spark);
        }
      }
    }
  }
}
