package lakehouse.cli;

import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;

/**
 * Where the log lines of a command go: Spark's, Hadoop's and the lakehouse's own (its {@link
 * Console} lines are not log lines). A data engineer wants the console to show what the command
 * says and nothing else, and everything else kept where the run's report is: so by default no log
 * line reaches the console, and a run that changes the lake logs to {@code _runs/<run id>.log}
 * beside its report. {@code --verbose} brings the log lines back to the console as well.
 */
interface LogLines {
  /** Before the command runs: whether log lines also go to the console. */
  void console(boolean verbose);

  /** From now until the returned log is closed, log lines also go to the run's log file. */
  RunLog startRun(LakeLayout lake, String runId);

  /** For a one-line error: where the stack trace just logged can be read. */
  String whereStackTracesGo();

  /** The log file of one run. */
  interface RunLog {
    /** Where the log ends up, as the lake names it. */
    String path();

    /**
     * Stops writing and leaves the file in the lake (uploaded, for a lake on an object store).
     *
     * @param hadoop reaches the lake
     */
    void close(Configuration hadoop);
  }

  /** For commands run inside a JVM that owns its logging (tests): leaves it as it is. */
  LogLines UNCHANGED =
      new LogLines() {
        @Override
        public void console(boolean verbose) {}

        @Override
        public RunLog startRun(LakeLayout lake, String runId) {
          return new RunLog() {
            @Override
            public String path() {
              return "the log";
            }

            @Override
            public void close(Configuration hadoop) {}
          };
        }

        @Override
        public String whereStackTracesGo() {
          return "the stack trace is in the log";
        }
      };
}
