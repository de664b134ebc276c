package lakehouse.cli;

import lakehouse.shared.config.ConfigurationException;
import picocli.CommandLine;

/**
 * The application's entry point, run by spark-submit: {@code lakehouse COMMAND [options]}. Maps every
 * outcome to the contract's exit statuses; usage and configuration errors are one line on standard
 * error, never a stack trace.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    Console console = Console.system();
    CommandLine commandLine = new CommandLine(new LakehouseCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler((e, arguments) -> {
          console.error(e.getMessage().replace('\n', ' ') + " (see: lakehouse "
              + e.getCommandLine().getCommandName() + " --help)");
          return ExitStatus.USAGE;
        })
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof ConfigurationException) {
            console.error(e.getMessage());
            return ExitStatus.USAGE;
          }
          console.error(cmd.getCommandName() + " failed: " + e);
          throw e;
        });
    return commandLine.execute(args);
  }
}
