package lakehouse.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nights of a lake's run reports, one per ingest date: a date processed again (a retry, a
 * backfill over it) shows its latest processing, whatever its status.
 */
public final class NightHistory {
  private NightHistory() {}

  /** The nights from {@code from} to {@code to} (either null: open), in date order. */
  public static List<NightFigures> of(List<JsonNode> reports, LocalDate from, LocalDate to) {
    List<JsonNode> oldestFirst = new ArrayList<>(reports);
    oldestFirst.sort(Comparator.comparing(NightFiguresReader::endedAt));
    Map<LocalDate, NightFigures> byDate = new TreeMap<>();
    for (JsonNode report : oldestFirst) {
      for (NightFigures night : NightFiguresReader.nights(report)) {
        if ((from == null || !night.night().isBefore(from))
            && (to == null || !night.night().isAfter(to))) {
          byDate.put(night.night(), night);
        }
      }
    }
    return List.copyOf(byDate.values());
  }

  /** When the newest of the reports ended, or null when there is none. */
  public static Instant newest(List<JsonNode> reports) {
    return reports.stream()
        .map(NightFiguresReader::endedAt)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }
}
