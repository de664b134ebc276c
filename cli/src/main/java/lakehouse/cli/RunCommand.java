package lakehouse.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.shared.pii.PiiKeySource;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.run.RunReport;
import lakehouse.shared.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run --date D}: the nightly run for one ingest date. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "The nightly run for ingest date D: bronze, silver and gold in one Spark application.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin CommonOptions common;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Ingest date to run.")
  LocalDate date;

  private final CommandEnvironment environment;
  private final Console console;

  RunCommand(CommandEnvironment environment) {
    this.environment = environment;
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    LakeRun run = LakeRun.prepare("run", List.of("--date", date.toString()), common, environment);
    PiiTokenizer tokenizer = PiiKeySource.tokenizer(run.config().pii(), environment.variables(), console::warn);
    try (run) {
      run.startWriting();
      console.progress("run " + run.runId() + ": ingest date " + date + ", lake " + run.config().lake().root());
      RunStatus status;
      String error = null;
      try {
        boolean rejections = new NightlyRun(run.spark(), run.config(), tokenizer, console, environment.clock())
            .run(date, run.runId(), java.util.EnumSet.allOf(Layer.class), run::layer);
        status = rejections ? RunStatus.SUCCEEDED_WITH_REJECTIONS : RunStatus.SUCCEEDED;
      } catch (Exception e) {
        status = RunStatus.FAILED;
        error = e.toString();
        console.error("run " + run.runId() + " failed: " + e);
        LOG.error("run {} failed", run.runId(), e);
      }
      RunReport report = run.finish(status, error);
      console.progress("run " + run.runId() + ": " + status.label() + "; report " + run.config().lake().runReport(run.runId()));
      return report.exitStatus();
    }
  }
}
