package lakehouse.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.tables.UserFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code publish --date D}: user_features as of D (the configured feature version) to the online
 * store, one Redis hash per user. It reads one snapshot of gold and writes nothing in the lake but
 * its report, so it takes no writer lease and may run beside a nightly run.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description =
        "Loads user_features as of D into the online store (lakehouse.online.redis): one hash per user "
            + "at u:feat:<user_id>, with a time to live. A user holding features of a later date keeps them.")
final class PublishCommand implements Callable<Integer> {
  /** The run report's object for what was published. */
  static final String ONLINE = "online";

  /** The name of publishing's figures in the report's cost. */
  static final String LAYER = "publish";

  @Mixin CommonOptions common;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The as_of_date to publish.")
  LocalDate date;

  private final CommandEnvironment environment;
  private final Console console;

  PublishCommand(CommandEnvironment environment) {
    this.environment = environment;
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    LakeRun run =
        LakeRun.prepare("publish", List.of("--date", date.toString()), common, environment);
    LakehouseConfig config = run.config();
    OnlinePublication publication =
        new OnlinePublication(config, environment.variables(), console, environment.clock());
    try (run) {
      console.progress(
          "publish "
              + run.runId()
              + ": "
              + UserFeatures.NAME
              + " "
              + config.gold().userFeaturesVersion()
              + " as of "
              + date
              + " to redis "
              + publication.redisAddress()
              + ", lake "
              + config.lake().root());
      return run.complete(
          () -> {
            run.layer(
                ONLINE, run.cost().measure(LAYER, () -> publication.publish(run.spark(), date)));
            return RunOutcome.of(RunStatus.SUCCEEDED);
          });
    }
  }
}
