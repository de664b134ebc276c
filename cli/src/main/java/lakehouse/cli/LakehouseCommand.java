package lakehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
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
      CleanupCommand.class,
      GenerateCommand.class
    },
    footer = {
      "",
      "Exit status: 0 done; 1 failed; 2 bad usage or configuration; 3 done, but some input files were rejected."
    })
public final class LakehouseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: one of " + spec.subcommands().keySet());
  }
}
