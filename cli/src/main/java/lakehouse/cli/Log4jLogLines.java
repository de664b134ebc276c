package lakehouse.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.LakeStorage;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * {@link LogLines} on log4j 2, the logging of Spark 3.5: whatever the installation's configuration
 * (the runtime's own {@code conf/log4j2.properties} or a Spark installation's), its console
 * appenders stop passing lines on unless the command is verbose, and a file appender beside them
 * takes every line the configured levels let through for the run.
 */
final class Log4jLogLines implements LogLines {
  private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss} %p %c{1}: %m%n%ex";

  private boolean verbose;
  private RunLog current;

  @Override
  public void console(boolean verbose) {
    this.verbose = verbose;
    if (verbose) {
      return;
    }
    LoggerContext context = context();
    if (context == null) {
      return;
    }
    for (LoggerConfig logger : loggers(context)) {
      for (Appender appender : List.copyOf(logger.getAppenders().values())) {
        if (appender instanceof ConsoleAppender) {
          // Kept attached but passing nothing: a logger left with no appender would make Spark
          // think logging was never configured and install its own console.
          logger.removeAppender(appender.getName());
          logger.addAppender(appender, Level.OFF, null);
        }
      }
    }
    context.updateLoggers();
  }

  @Override
  public RunLog startRun(LakeLayout lake, String runId) {
    String target = lake.runs() + "/" + runId + ".log";
    LoggerContext context = context();
    if (context == null) {
      return LogLines.UNCHANGED.startRun(lake, runId);
    }
    boolean local = LakeStorage.of(lake.root()) == LakeStorage.LOCAL;
    try {
      Path file =
          local
              ? LakeStorage.localPath(target)
              : Files.createTempFile("lakehouse-" + runId + "-", ".log");
      Files.createDirectories(file.toAbsolutePath().getParent());
      FileAppender appender =
          FileAppender.newBuilder()
              .setName("lakehouse-run-" + runId)
              .withFileName(file.toString())
              // A retry under the same run id adds to the log of the attempt before it.
              .withAppend(true)
              .setLayout(
                  PatternLayout.newBuilder()
                      .withPattern(PATTERN)
                      .withConfiguration(context.getConfiguration())
                      .build())
              .setConfiguration(context.getConfiguration())
              .build();
      appender.start();
      context.getConfiguration().addAppender(appender);
      for (LoggerConfig logger : loggers(context)) {
        if (logger.getParent() == null || !logger.isAdditive()) {
          logger.addAppender(appender, null, null);
        }
      }
      context.updateLoggers();
      current = new FileRunLog(context, appender, file, local ? null : target, target);
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the run's log " + target, e);
    }
  }

  @Override
  public String whereStackTracesGo() {
    if (current != null) {
      return "the stack trace is in " + current.path();
    }
    return verbose ? "the stack trace is above" : "run again with --verbose for the stack trace";
  }

  /** Every logger configuration, the root included. */
  private static List<LoggerConfig> loggers(LoggerContext context) {
    List<LoggerConfig> loggers = new ArrayList<>(context.getConfiguration().getLoggers().values());
    LoggerConfig root = context.getConfiguration().getRootLogger();
    if (!loggers.contains(root)) {
      loggers.add(root);
    }
    return loggers;
  }

  /** Log4j's core context, or null where another logging implementation answers. */
  private static LoggerContext context() {
    return LogManager.getContext(false) instanceof LoggerContext core ? core : null;
  }

  /** A run's log, written to a local file: in place on a local lake, else uploaded at the end. */
  private final class FileRunLog implements RunLog {
    private final LoggerContext context;
    private final FileAppender appender;
    private final Path file;
    private final String uploadTo;
    private final String path;

    FileRunLog(
        LoggerContext context, FileAppender appender, Path file, String uploadTo, String path) {
      this.context = context;
      this.appender = appender;
      this.file = file;
      this.uploadTo = uploadTo;
      this.path = path;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public void close(Configuration hadoop) {
      for (LoggerConfig logger : loggers(context)) {
        logger.removeAppender(appender.getName());
      }
      context.updateLoggers();
      appender.stop();
      current = null;
      if (uploadTo == null) {
        return;
      }
      try {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(uploadTo);
        FileSystem fs = target.getFileSystem(hadoop);
        fs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(file.toUri()), target);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot upload the run's log to " + uploadTo, e);
      }
    }
  }
}
