package lakehouse.shared.spark;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spark settings for applications whose data is tiny: a test's few rows, a night of a few thousand
 * events. Spark compiles every query's expressions and operators into Java classes before it runs
 * them; on a few thousand rows, in a JVM that lives for a minute, compiling costs more than
 * interpreting. Measured on a 2-core machine (docs/SCALING.md): a night of 2,000 events 42 s
 * instead of 55-58 s, the silver module's tests 106 s instead of 152 s. No setting changes a
 * result: Spark's interpreted and compiled evaluation give the same rows, and Spark falls back to
 * the interpreter whenever compiling fails.
 */
public final class SmallData {
  /** Whole-stage code generation off, and expressions evaluated by the interpreter. */
  public static final Map<String, String> SETTINGS =
      Map.of(
          "spark.sql.codegen.wholeStage", "false",
          "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  private SmallData() {}

  /** The settings as spark-submit options ({@code --conf key=value ...}). */
  public static String submitOptions() {
    return SETTINGS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(setting -> "--conf " + setting.getKey() + "=" + setting.getValue())
        .collect(Collectors.joining(" "));
  }
}
