package lakehouse.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.gold.online.FeaturesNotBuiltException;
import lakehouse.gold.online.OnlineStoreException;
import lakehouse.shared.error.LakehouseException;
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

  @Option(names = "--publish", description = "After gold, load user_features as of D into the online store, as "
      + "publish --date D does, in the same Spark application. A failed publish fails the run (exit 1); the "
      + "tables stay as promoted, and running again publishes.")
  boolean publish;

  private final CommandEnvironment environment;
  private final Console console;

  RunCommand(CommandEnvironment environment) {
    this.environment = environment;
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    List<String> arguments = publish ? List.of("--date", date.toString(), "--publish") : List.of("--date", date.toString());
    LakeRun run = LakeRun.prepare("run", arguments, common, environment);
    PiiTokenizer tokenizer = PiiKeySource.tokenizer(run.config().pii(), environment.variables(), console::warn);
    // Made before Spark starts, so a bad online-store setting stops the run at once.
    OnlinePublication publication = publish
        ? new OnlinePublication(run.config(), environment.variables(), console, environment.clock()) : null;
    try (run) {
      run.startWriting();
      console.progress("run " + run.runId() + ": ingest date " + date + ", lake " + run.config().lake().root());
      RunStatus status;
      String error = null;
      try {
        boolean rejections = new NightlyRun(run.spark(), run.config(), tokenizer, console, environment.clock())
            .run(date, run.runId(), java.util.EnumSet.allOf(Layer.class), run::layer);
        if (publication != null) {
          run.layer(PublishCommand.ONLINE, publication.publish(run.spark(), date));
        }
        status = rejections ? RunStatus.SUCCEEDED_WITH_REJECTIONS : RunStatus.SUCCEEDED;
      } catch (FeaturesNotBuiltException | OnlineStoreException e) {
        // The tables are promoted; only the publish failed, said in one line with what to do.
        status = RunStatus.FAILED;
        error = "publish: " + e.getMessage();
        console.error("run " + run.runId() + " failed: " + error);
        LOG.debug("run {} failed to publish", run.runId(), e);
      } catch (LakehouseException e) {
        // A failure the user can act on: its message is the whole story.
        status = RunStatus.FAILED;
        error = e.getMessage();
        console.error("run " + run.runId() + " failed: " + error);
        LOG.debug("run {} failed", run.runId(), e);
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
