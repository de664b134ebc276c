package lakehouse.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.lake.LakeStorage;
import lakehouse.shared.lock.LakeWriterLease;
import lakehouse.shared.run.RunId;
import lakehouse.shared.run.RunReport;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.run.Versions;
import org.apache.spark.sql.SparkSession;

/**
 * One command that changes the lake: its validated configuration, its run id, its SparkSession
 * (started only after everything the user gave was checked, so a usage error never waits for Spark),
 * on an object store or HDFS the lake's writer lease, and the report it leaves in {@code _runs/}, whatever
 * happens.
 */
final class LakeRun implements AutoCloseable {
  private final String command;
  private final List<String> arguments;
  private final LakehouseConfig config;
  private final String runId;
  private final Clock clock;
  private final CommandEnvironment.SparkSessions sessions;
  private final Instant startedAt;
  private final Map<String, Object> layers = new LinkedHashMap<>();
  private final Console console;
  private SparkSession spark;
  private LakeWriterLease lease;

  private LakeRun(String command, List<String> arguments, LakehouseConfig config, String runId,
      CommandEnvironment environment) {
    this.command = command;
    this.arguments = List.copyOf(arguments);
    this.config = config;
    this.runId = runId;
    this.clock = environment.clock();
    this.sessions = environment.sessions();
    this.console = environment.console();
    this.startedAt = clock.instant();
  }

  /** Validates the options and configuration; throws ConfigurationException (exit 2) on any problem. */
  static LakeRun prepare(String command, List<String> arguments, CommonOptions options, CommandEnvironment environment) {
    LakehouseConfig config = new ConfigLoader().load(options.conf, ConfigLoader.overrides(options.lake, options.settings));
    String runId = options.runId == null ? RunId.generate(command, environment.clock()) : RunId.validate(options.runId);
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
      spark = sessions.open("lakehouse " + command + " " + runId, config.sparkSettings());
    }
    return spark;
  }

  /**
   * Starts Spark and, for a lake on an object store or HDFS, takes the lake's writer lease before anything
   * is written: Delta's S3 log store is safe for one writing application only, and gold's per-table file
   * lock orders promotions on one machine only (see {@link LakeStorage}), so a second application waits
   * for the first to finish, then refuses to start.
   *
   * @throws lakehouse.shared.lock.LakeWriterBusyException if another application kept the lease past the wait
   */
  synchronized void startWriting() {
    SparkSession session = spark();
    if (lease != null || !config.writerLease().enabled() || !LakeStorage.of(config.lake().root()).takesWriterLease()) {
      return;
    }
    lease = LakeWriterLease.acquire(config.lake(), session.sparkContext().hadoopConfiguration(), config.writerLease(),
        runId, Clock.systemUTC(), new LakeWriterLease.Listener() {
          @Override
          public void waiting(String heldBy, Duration upTo) {
            console.progress(command + " " + runId + ": the lake is being written by " + heldBy + "; waiting up to "
                + upTo.toString().substring(2).toLowerCase() + " for it to finish");
          }

          @Override
          public void lost(String reason) {
            console.error(reason + "; stopping this run's Spark jobs");
            session.sparkContext().cancelAllJobs();
          }
        });
  }

  /** Records a layer's part of the report; serialised with the report. */
  void layer(String name, Object report) {
    layers.put(name, report);
  }

  /**
   * Writes the report and returns it. Needs the SparkSession's Hadoop configuration to reach the lake.
   * A run that lost the writer lease is reported failed whatever it did: another application may have
   * written beside it.
   */
  RunReport finish(RunStatus status, String error) throws IOException {
    boolean leaseLost = lease != null && !lease.isHeld() && status != RunStatus.FAILED;
    RunStatus reported = leaseLost ? RunStatus.FAILED : status;
    String reportedError = leaseLost
        ? "the lake's writer lease was lost during the run; check the tables before the next run" : error;
    Instant endedAt = clock.instant();
    RunReport report = new RunReport(runId, command, arguments, reported, reported.exitStatus(), config.profile(),
        config.lake().root(), RunReportWriter.parse(ConfigLoader.maskedJson(config.effective())),
        Versions.current(spark().version()), startedAt.toString(), endedAt.toString(),
        endedAt.toEpochMilli() - startedAt.toEpochMilli(), null, Map.copyOf(layers), reportedError);
    new RunReportWriter(config.lake(), spark().sparkContext().hadoopConfiguration()).write(report);
    return report;
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
      if (spark != null) {
        sessions.close(spark);
      }
    }
  }
}
