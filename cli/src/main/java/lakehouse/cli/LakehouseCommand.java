package lakehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code lakehouse} command: lists the subcommands. */
@Command(
    name = "lakehouse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Spark batch lakehouse for ad events: landing Avro to bronze, silver and gold Delta tables.",
    subcommands = {
      RunCommand.class,
      BackfillCommand.class,
      StatusCommand.class,
      PublishCommand.class,
      ReplayQuarantineCommand.class,
      CleanupCommand.class,
      GenerateCommand.class,
      EstimateCommand.class,
      ReportCommand.class,
      TrainingSetCommand.class
    },
    footer = {
      "",
      "Exit status: 0 done; 1 failed; 2 bad usage or configuration; 3 done, but some input files were rejected."
    })
public final class LakehouseCommand implements Runnable {
  private static final String VERBOSE = "--verbose";

  @Spec CommandSpec spec;

  @Option(
      names = VERBOSE,
      scope = ScopeType.INHERIT,
      description =
          "Also show Spark's, Hadoop's and the lakehouse's log lines on standard error (they always"
              + " go to the run's log, _runs/<run id>.log, beside its report).")
  boolean verbose;

  /** Whether --verbose was given, before the command or after it. */
  static boolean verbose(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: one of " + spec.subcommands().keySet());
  }
}
