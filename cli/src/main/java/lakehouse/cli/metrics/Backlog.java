package lakehouse.cli.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the landing zone holds that silver has not processed.
 *
 * @param dates landing dates with at least one such file
 * @param files such files, all dates together
 */
record Backlog(long dates, long files) {

  /**
   * @param landing each landing date's files, by fingerprint
   * @param processed fingerprints of the files silver has processed
   */
  static Backlog of(Map<LocalDate, ? extends Collection<String>> landing, Set<String> processed) {
    long dates = 0;
    long files = 0;
    for (Collection<String> fingerprints : landing.values()) {
      long waiting = fingerprints.stream().filter(f -> !processed.contains(f)).count();
      files += waiting;
      if (waiting > 0) {
        dates++;
      }
    }
    return new Backlog(dates, files);
  }
}
