package lakehouse.cli;

import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.lock.LakeWriterBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The application's entry point, run by spark-submit: {@code lakehouse COMMAND [options]}. Maps every
 * outcome to the contract's exit statuses; usage and configuration errors are one line on standard
 * error, never a stack trace.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(CommandEnvironment.system(), args));
  }

  /** Runs one command in this JVM and returns its exit status. */
  public static int execute(CommandEnvironment environment, String... args) {
    Console console = environment.console();
    CommandLine commandLine = new CommandLine(new LakehouseCommand(), new CommandFactory(environment))
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
          if (e instanceof LakeWriterBusyException) {
            console.error(cmd.getCommandName() + " refused: " + e.getMessage());
            return ExitStatus.FAILED;
          }
          console.error(cmd.getCommandName() + " failed: " + e);
          LOG.error("{} failed", cmd.getCommandName(), e);
          return ExitStatus.FAILED;
        });
    return commandLine.execute(args);
  }
}
