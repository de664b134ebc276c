package lakehouse.chaos;

/** One attack on the lake, repeated as often as the run's size asks. */
public interface Scenario {
  /** The name {@code --scenarios} selects it by and the table shows. */
  String name();

  ScenarioResult run(ChaosContext context) throws Exception;
}
