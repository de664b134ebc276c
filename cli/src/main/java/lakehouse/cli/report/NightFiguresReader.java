package lakehouse.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nights of one run report: a {@code run}'s ingest date, or each date a {@code backfill}
 * processed (skipped dates did nothing and are left out). Reports of other commands hold no night.
 */
public final class NightFiguresReader {
  private static final List<String> LAYERS = List.of("bronze", "silver", "gold", "online");

  private NightFiguresReader() {}

  /** When the report's command ended, for ordering reports of the same date; epoch if unknown. */
  public static Instant endedAt(JsonNode report) {
    try {
      return Instant.parse(report.path("ended_at").asText());
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** The report's nights, in date order. */
  public static List<NightFigures> nights(JsonNode report) {
    String command = report.path("command").asText();
    List<NightFigures> nights = new ArrayList<>();
    if (command.equals("run")) {
      date(report.path("arguments"))
          .ifPresent(
              date ->
                  nights.add(
                      night(
                          date,
                          report.path("run_id").asText(),
                          report.path("status").asText(),
                          report.path("layers"))));
    } else if (command.equals("backfill")) {
      Iterator<Map.Entry<String, JsonNode>> dates = report.path("layers").path("dates").fields();
      while (dates.hasNext()) {
        Map.Entry<String, JsonNode> entry = dates.next();
        JsonNode date = entry.getValue();
        if (date.path("layers").isObject()) {
          parse(entry.getKey())
              .ifPresent(
                  d ->
                      nights.add(
                          night(
                              d,
                              date.path("run_id").asText(),
                              date.path("status").asText(),
                              date.path("layers"))));
        }
      }
    }
    if (!nights.isEmpty()) {
      JsonNode freshness = report.path("metrics").path("lake").path("freshness_seconds");
      if (freshness.isNumber()) {
        int last = nights.size() - 1;
        nights.set(last, nights.get(last).withFreshness(freshness.asLong()));
      }
    }
    return nights;
  }

  private static NightFigures night(LocalDate date, String runId, String status, JsonNode layers) {
    Map<String, Long> millis = new LinkedHashMap<>();
    Map<String, Long> records = new LinkedHashMap<>();
    for (String layer : LAYERS) {
      JsonNode node = layers.path(layer);
      if (node.path("duration_ms").isNumber()) {
        millis.put(layer, node.path("duration_ms").asLong());
        records.put(layer, records(layer, node));
      }
    }
    JsonNode silver = layers.path("silver");
    JsonNode arrival = silver.path("arrival_latency");
    return new NightFigures(
        date,
        runId,
        status,
        millis,
        records,
        silver.path("rows_read").asLong(),
        silver.path("duplicates_dropped").asLong(),
        longs(silver.path("rows_quarantined")),
        layers.path("bronze").path("files_rejected").size(),
        longs(arrival.path("seconds")),
        longs(arrival.path("days_late")),
        null);
  }

  private static long records(String layer, JsonNode node) {
    return switch (layer) {
      case "bronze", "silver" -> node.path("rows_read").asLong();
      case "gold" -> {
        long rows = 0;
        for (JsonNode table : node.path("rows_per_partition")) {
          for (JsonNode partition : table) {
            rows += partition.asLong();
          }
        }
        yield rows;
      }
      default -> node.path("keys_written").asLong();
    };
  }

  private static Map<String, Long> longs(JsonNode object) {
    Map<String, Long> values = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber()) {
                values.put(e.getKey(), e.getValue().asLong());
              }
            });
    return values;
  }

  /** The value of {@code --date} among a run's arguments. */
  private static Optional<LocalDate> date(JsonNode arguments) {
    for (int i = 0; i + 1 < arguments.size(); i++) {
      if (arguments.get(i).asText().equals("--date")) {
        return parse(arguments.get(i + 1).asText());
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> parse(String date) {
    try {
      return Optional.of(LocalDate.parse(date));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
