package lakehouse.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.online.publish.VerifyReport;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.tables.UserFeatures;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code publish --date D}: user_features as of D (the configured feature version) to the online
 * store, one Redis hash per user. It reads one snapshot of gold and writes nothing in the lake but
 * its report, so it takes no writer lease and may run beside a nightly run. With {@code --verify}
 * it then reads a sample of the users back and compares them with gold; {@code --verify-only} does
 * that alone. A verification that finds a difference or a missing key fails (exit 1).
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

  /** The run report's object for what a verification found. */
  static final String VERIFY = "verify";

  /** The name of publishing's figures in the report's cost. */
  static final String LAYER = "publish";

  @Mixin CommonOptions common;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The as_of_date to publish.")
  LocalDate date;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Verification verification;

  /** Whether and how to verify the store; at most one of the two. */
  static final class Verification {
    @Option(
        names = "--verify",
        description =
            "After publishing, read the users back from Redis (all of them, or a seeded sample of "
                + "lakehouse.online.verify.sample-size) and compare every field with gold; any "
                + "difference or missing key fails (exit 1).")
    boolean afterPublish;

    @Option(
        names = "--verify-only",
        description = "Verify as --verify does, without publishing first.")
    boolean only;
  }

  private final CommandEnvironment environment;
  private final Console console;

  PublishCommand(CommandEnvironment environment) {
    this.environment = environment;
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    boolean publishes = verification == null || !verification.only;
    boolean verifies = verification != null;
    List<String> arguments = new ArrayList<>(List.of("--date", date.toString()));
    if (verifies) {
      arguments.add(publishes ? "--verify" : "--verify-only");
    }
    LakeRun run = LakeRun.prepare("publish", arguments, common, environment);
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
              + (publishes ? " to" : ", verified against")
              + " redis "
              + publication.redisAddress()
              + ", lake "
              + config.lake().root());
      return run.complete(
          () -> {
            if (publishes) {
              run.layer(
                  ONLINE, run.cost().measure(LAYER, () -> publication.publish(run.spark(), date)));
            }
            if (verifies) {
              VerifyReport verified =
                  run.cost().measure(LAYER, () -> publication.verify(run.spark(), date));
              run.layer(VERIFY, verified);
              if (!verified.passed()) {
                throw new OnlineStoreDiffersException(verified);
              }
            }
            return RunOutcome.of(RunStatus.SUCCEEDED);
          });
    }
  }
}
