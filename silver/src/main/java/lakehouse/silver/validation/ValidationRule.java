package lakehouse.silver.validation;

import java.util.function.Function;
import lakehouse.silver.EventTimeWindow;
import org.apache.spark.sql.Column;

/**
 * One validation rule: its name (the reason written to the quarantine and counted in the run
 * report) and the condition under which a bronze record fails it, given the run's event-time
 * window.
 */
public record ValidationRule(String name, Function<EventTimeWindow, Column> failsWhen) {

  public Column failsWhen(EventTimeWindow window) {
    return failsWhen.apply(window);
  }
}
