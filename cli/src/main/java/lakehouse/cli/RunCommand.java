package lakehouse.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.online.publish.FeaturesNotBuiltException;
import lakehouse.online.publish.OnlineStoreException;
import lakehouse.online.publish.PublishReport;
import lakehouse.online.publish.VerifyReport;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.pii.PiiKeySource;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run --date D}: the nightly run for one ingest date. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "The nightly run for ingest date D: bronze, silver and gold in one Spark application.")
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Ingest date to run.")
  LocalDate date;

  @Option(
      names = "--publish",
      description =
          "After gold, load user_features as of D into the online store, as "
              + "publish --date D does, in the same Spark application. A failed publish fails the run (exit 1); the "
              + "tables stay as promoted, and running again publishes.")
  boolean publish;

  @Option(
      names = "--verify",
      description =
          "With --publish, then read the users back and compare them with gold, as publish --date D "
              + "--verify does; a difference or a missing key fails the run (exit 1), the tables stay as "
              + "promoted.")
  boolean verify;

  private final CommandEnvironment environment;
  private final Console console;

  RunCommand(CommandEnvironment environment) {
    this.environment = environment;
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    if (verify && !publish) {
      throw new ConfigurationException(
          "--verify needs --publish: it checks what the run published");
    }
    List<String> arguments = new ArrayList<>(List.of("--date", date.toString()));
    if (publish) {
      arguments.add("--publish");
    }
    if (verify) {
      arguments.add("--verify");
    }
    LakeRun run = LakeRun.prepare("run", arguments, common, environment);
    PiiTokenizer tokenizer =
        PiiKeySource.tokenizer(run.config().pii(), environment.variables(), console::warn);
    // Made before Spark starts, so a bad online-store setting stops the run at once.
    OnlinePublication publication =
        publish
            ? new OnlinePublication(
                run.config(), environment.variables(), console, environment.clock())
            : null;
    try (run) {
      run.watchesLake();
      run.startWriting();
      console.progress(
          "run " + run.runId() + ": ingest date " + date + ", lake " + run.config().lake().root());
      return run.complete(
          () -> {
            boolean rejections =
                new NightlyRun(
                        run.spark(),
                        run.config(),
                        tokenizer,
                        console,
                        environment.clock(),
                        run.cost(),
                        run::goldUpToDate)
                    .run(date, run.runId(), java.util.EnumSet.allOf(Layer.class), run::layer);
            if (publication != null) {
              run.layer(
                  PublishCommand.ONLINE,
                  run.cost().measure(PublishCommand.LAYER, () -> published(publication, run)));
            }
            if (verify) {
              VerifyReport verified =
                  run.cost().measure(PublishCommand.LAYER, () -> verified(publication, run));
              run.layer(PublishCommand.VERIFY, verified);
              if (!verified.passed()) {
                throw new OnlineStoreDiffersException(verified);
              }
            }
            return RunOutcome.of(
                rejections ? RunStatus.SUCCEEDED_WITH_REJECTIONS : RunStatus.SUCCEEDED);
          });
    }
  }

  /** As {@link #published}: the tables are promoted, and a failed read-back says so. */
  private VerifyReport verified(OnlinePublication publication, LakeRun run) {
    try {
      return publication.verify(run.spark(), date);
    } catch (FeaturesNotBuiltException | OnlineStoreException e) {
      throw new PublishFailedException(e);
    }
  }

  /** The tables are promoted by now: a failed publish says so, and running again publishes. */
  private PublishReport published(OnlinePublication publication, LakeRun run) {
    try {
      return publication.publish(run.spark(), date);
    } catch (FeaturesNotBuiltException | OnlineStoreException e) {
      throw new PublishFailedException(e);
    }
  }
}
