package lakehouse.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.shared.pii.PiiKeySource;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.run.RunReport;
import lakehouse.shared.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run --date D}: the nightly run for one ingest date. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "The nightly run for ingest date D: bronze, silver and gold in one Spark application.")
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Ingest date to run.")
  LocalDate date;

  private final Console console = Console.system();

  @Override
  public Integer call() throws Exception {
    Clock clock = Clock.systemUTC();
    LakeRun run = LakeRun.prepare("run", List.of("--date", date.toString()), common, clock);
    PiiTokenizer tokenizer = PiiKeySource.tokenizer(run.config().pii(), System.getenv(), console::warn);
    try (run) {
      console.progress("run " + run.runId() + ": ingest date " + date + ", lake " + run.config().lake().root());
      RunStatus status;
      String error = null;
      try {
        boolean rejections = new NightlyRun(run.spark(), run.config(), tokenizer, console, clock)
            .run(date, run.runId(), run::layer);
        status = rejections ? RunStatus.SUCCEEDED_WITH_REJECTIONS : RunStatus.SUCCEEDED;
      } catch (RuntimeException e) {
        status = RunStatus.FAILED;
        error = e.toString();
        console.error("run " + run.runId() + " failed: " + e);
      }
      RunReport report = run.finish(status, error);
      console.progress("run " + run.runId() + ": " + status.label() + "; report " + run.config().lake().runReport(run.runId()));
      return report.exitStatus();
    }
  }
}
