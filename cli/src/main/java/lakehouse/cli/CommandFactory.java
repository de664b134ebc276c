package lakehouse.cli;

import picocli.CommandLine;

/** Builds commands for picocli, handing each the {@link CommandEnvironment} it needs. */
final class CommandFactory implements CommandLine.IFactory {
  private final CommandEnvironment environment;
  private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

  CommandFactory(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return type.getDeclaredConstructor(CommandEnvironment.class).newInstance(environment);
    } catch (NoSuchMethodException e) {
      return defaults.create(type);
    }
  }
}
