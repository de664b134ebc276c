package lakehouse.shared.run;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import lakehouse.shared.config.ConfigurationException;

/**
 * Names one run. It appears in paths (staging, reports) and in every row a run writes, so it is
 * restricted to characters that are safe in both.
 */
public final class RunId {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunId() {}

  /** A new id: the command, the UTC start time and a random suffix, so ids sort by start time. */
  public static String generate(String command, Clock clock) {
    return command
        + "-"
        + STAMP.format(clock.instant())
        + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** Checks an id given with --run-id. */
  public static String validate(String runId) {
    if (!VALID.matcher(runId).matches()) {
      throw new ConfigurationException(
          "--run-id "
              + runId
              + ": use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return runId;
  }
}
