package lakehouse.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import lakehouse.shared.run.RunReportFolder;
import org.apache.hadoop.conf.Configuration;

/**
 * The lateness of the newest nights, from silver's {@code arrival_latency} in the run reports of a
 * lake's {@code _runs/}: those of {@code run} (under {@code layers.silver}) and of {@code backfill}
 * (one per date), failed runs included, since what their silver counted is processed and no later
 * run reads it again.
 */
public final class ArrivalHistory {
  private static final String ARRIVAL = "arrival_latency";
  private static final String TOO_LATE = "too_late";

  private ArrivalHistory() {}

  /**
   * The newest {@code nights} ingest dates that received events, from the reports in the folder,
   * with the given nights of a run not reported yet; a report whose file is named for {@code
   * ownRunId} is left out, the run's own nights standing for it.
   */
  public static Collection<NightArrival> newest(
      Configuration hadoop,
      String runsFolder,
      String ownRunId,
      List<NightArrival> ownNights,
      int nights)
      throws IOException {
    List<NightArrival> all = new ArrayList<>(ownNights);
    String leftOut = ownRunId == null ? null : ownRunId + ".json";
    for (JsonNode report : RunReportFolder.read(hadoop, runsFolder, leftOut)) {
      all.addAll(of(report));
    }
    return newest(all, nights);
  }

  /**
   * The newest {@code nights} ingest dates that received events, from the reports in the folder.
   */
  public static Collection<NightArrival> newest(Configuration hadoop, String runsFolder, int nights)
      throws IOException {
    return newest(hadoop, runsFolder, null, List.of(), nights);
  }

  /** The nights of one report: one per silver object that measured arrival latency. */
  public static List<NightArrival> of(JsonNode report) {
    List<NightArrival> nights = new ArrayList<>();
    collect(report.path("layers"), nights);
    return nights;
  }

  /** Per ingest date, every report's counts added up; the newest dates with events. */
  public static Collection<NightArrival> newest(List<NightArrival> arrivals, int nights) {
    NavigableMap<LocalDate, NightArrival> byDate = new TreeMap<>();
    for (NightArrival arrival : arrivals) {
      if (arrival.records() > 0) {
        byDate.merge(arrival.ingestDate(), arrival, NightArrival::plus);
      }
    }
    List<NightArrival> newest = new ArrayList<>();
    Iterator<NightArrival> descending = byDate.descendingMap().values().iterator();
    while (descending.hasNext() && newest.size() < nights) {
      newest.add(descending.next());
    }
    Collections.reverse(newest);
    return List.copyOf(newest);
  }

  private static void collect(JsonNode node, List<NightArrival> nights) {
    if (!node.isObject()) {
      return;
    }
    JsonNode arrival = node.path(ARRIVAL);
    if (arrival.isObject()) {
      night(arrival, node.path("rows_quarantined").path(TOO_LATE).asLong()).ifPresent(nights::add);
      return;
    }
    node.elements().forEachRemaining(child -> collect(child, nights));
  }

  private static Optional<NightArrival> night(JsonNode arrival, long tooLate) {
    Map<String, Long> daysLate = new LinkedHashMap<>();
    arrival
        .path("days_late")
        .fields()
        .forEachRemaining(e -> daysLate.put(e.getKey(), e.getValue().asLong()));
    try {
      return Optional.of(
          new NightArrival(
              LocalDate.parse(arrival.path("ingest_date").asText()), daysLate, tooLate));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
