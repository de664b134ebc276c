package lakehouse.cli;

import lakehouse.shared.error.LakehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The application's entry point, run by spark-submit: {@code lakehouse COMMAND [options]}. Maps
 * every outcome to the contract's exit statuses: a {@link LakehouseException} is one line on
 * standard error with the status its kind gives (2 for usage and configuration errors), never a
 * stack trace; anything else is a bug, logged with its stack trace and exit status 1.
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
    CommandLine commandLine =
        new CommandLine(new LakehouseCommand(), new CommandFactory(environment))
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setParameterExceptionHandler(
                (e, arguments) -> {
                  console.error(
                      e.getMessage().replace('\n', ' ')
                          + " (see: lakehouse "
                          + e.getCommandLine().getCommandName()
                          + " --help)");
                  return ExitStatus.USAGE;
                })
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  String command = cmd.getCommandName();
                  if (e instanceof LakehouseException failure) {
                    console.error(
                        switch (failure.kind()) {
                          case USAGE -> failure.getMessage();
                          case REFUSED -> command + " refused: " + failure.getMessage();
                          case FAILED -> command + " failed: " + failure.getMessage();
                        });
                    LOG.debug("{} failed", command, failure);
                    return failure.exitStatus();
                  }
                  LOG.error("{} failed", command, e);
                  var outage = ObjectStoreOutage.describe(e);
                  if (outage.isPresent()) {
                    // The lake's store stopped answering (writing the report, say): one line.
                    console.error(command + " failed: " + outage.get());
                    return ExitStatus.FAILED;
                  }
                  // Not a failure the lakehouse knows (a bug, or the environment failing under
                  // it): one line for the user, the stack trace for the log.
                  console.error(
                      command
                          + " failed: "
                          + firstLine(e)
                          + " ("
                          + environment.logs().whereStackTracesGo()
                          + ")");
                  return ExitStatus.FAILED;
                })
            .setExecutionStrategy(
                parsed -> {
                  // Before any command starts Spark, whose first lines would reach the console.
                  environment.logs().console(LakehouseCommand.verbose(parsed));
                  return new CommandLine.RunLast().execute(parsed);
                });
    return commandLine.execute(args);
  }

  private static String firstLine(Exception e) {
    String text = e.toString();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
