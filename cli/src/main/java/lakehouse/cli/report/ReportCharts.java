package lakehouse.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import lakehouse.cli.metrics.LatenessRecommendation;

/**
 * The report page's charts, from the nights' figures, the lateness recommendation and the files of
 * each gold partition: pure, so that what the page draws is decided (and tested) without a browser.
 */
public final class ReportCharts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99_9", "max");
  private static final double HOUR = 3600.0;

  private final List<NightFigures> nights;
  private final List<String> dates;

  public ReportCharts(List<NightFigures> nights) {
    this.nights = List.copyOf(nights);
    this.dates = nights.stream().map(n -> n.night().toString()).toList();
  }

  /** Every chart, in the order of the page. */
  public List<Chart> all(
      LatenessRecommendation lateness, Map<String, Map<String, Long>> filesPerGoldPartition) {
    return List.of(
        durations(),
        throughput(),
        quarantineShare(),
        duplicatesAndRejections(),
        arrivalLatency(),
        daysLate(lateness),
        freshness(),
        goldFiles(filesPerGoldPartition));
  }

  Chart durations() {
    ObjectNode option = categories("seconds");
    ArrayNode series = option.putArray("series");
    for (String layer : layers()) {
      ObjectNode bar = series(series, layer, "bar");
      bar.put("stack", "layers");
      values(bar, n -> n.layerMillis().getOrDefault(layer, 0L) / 1000.0);
    }
    return new Chart(
        "durations",
        "Duration per layer per night",
        "Wall time of each layer on each ingest date, stacked: the night's duration.",
        option);
  }

  Chart throughput() {
    ObjectNode option = categories("records per second");
    ArrayNode series = option.putArray("series");
    for (String layer : layers()) {
      values(series(series, layer, "line"), n -> n.recordsPerSecond(layer));
    }
    return new Chart(
        "throughput",
        "Records per second per layer",
        "Landing records read by bronze, records read by silver, rows promoted by gold and keys"
            + " published, per second of the layer's wall time.",
        option);
  }

  Chart quarantineShare() {
    ObjectNode option = categories("% of records silver read");
    ArrayNode series = option.putArray("series");
    for (String reason : reasons()) {
      ObjectNode bar = series(series, reason, "bar");
      bar.put("stack", "reasons");
      values(
          bar,
          n ->
              n.silverRead() == 0
                  ? 0
                  : 100.0 * n.quarantinedByReason().getOrDefault(reason, 0L) / n.silverRead());
    }
    return new Chart(
        "quarantine",
        "Quarantine share by reason",
        "Records quarantined for each reason, as a share of the records silver read that night (a"
            + " record with several reasons counts under each).",
        option);
  }

  Chart duplicatesAndRejections() {
    ObjectNode option = categories("duplicates dropped");
    ArrayNode axes = JSON.createArrayNode();
    axes.add(option.get("yAxis"));
    axes.addObject().put("type", "value").put("name", "files rejected").put("minInterval", 1);
    option.set("yAxis", axes);
    ArrayNode series = option.putArray("series");
    values(series(series, "duplicates dropped", "bar"), n -> n.duplicates());
    ObjectNode rejected = series(series, "landing files rejected", "line");
    rejected.put("yAxisIndex", 1);
    values(rejected, n -> n.rejectedFiles());
    return new Chart(
        "duplicates",
        "Duplicates and rejected files",
        "Records silver dropped as duplicates of an event_id already kept, and landing files bronze"
            + " rejected whole (corrupt or of an unregistered schema).",
        option);
  }

  Chart arrivalLatency() {
    ObjectNode option = categories("hours after the event");
    ArrayNode series = option.putArray("series");
    for (String percentile : PERCENTILES) {
      ObjectNode line = series(series, percentile.replace('_', '.'), "line");
      line.put("connectNulls", false);
      ArrayNode data = line.putArray("data");
      for (NightFigures n : nights) {
        Long seconds = n.latencySeconds().get(percentile);
        if (seconds == null) {
          data.addNull();
        } else {
          data.add(round(seconds / HOUR));
        }
      }
    }
    return new Chart(
        "latency",
        "Arrival latency",
        "End of the ingest date minus event_time, for every record silver decided on, too_late"
            + " ones included: percentiles per night, in hours.",
        option);
  }

  Chart daysLate(LatenessRecommendation lateness) {
    Map<String, Long> total = new LinkedHashMap<>();
    for (NightFigures n : nights) {
      n.daysLate().forEach((days, count) -> total.merge(days, count, Long::sum));
    }
    List<String> buckets = shown(total, lateness);
    long all = total.values().stream().mapToLong(Long::longValue).sum();
    ObjectNode option = JSON.createObjectNode();
    common(option);
    ObjectNode x = option.putObject("xAxis").put("type", "category").put("name", "days late");
    x.put("nameLocation", "middle").put("nameGap", 30);
    buckets.forEach(x.putArray("data")::add);
    option.putObject("yAxis").put("type", "value").put("name", "% of records");
    ObjectNode bar = series(option.putArray("series"), "records", "bar");
    bar.putObject("label").put("show", true).put("position", "top").put("formatter", "{c}%");
    ArrayNode data = bar.putArray("data");
    for (String bucket : buckets) {
      data.add(all == 0 ? 0 : round(100.0 * total.get(bucket) / all));
    }
    ArrayNode marks = bar.putObject("markLine").put("symbol", "none").putArray("data");
    mark(marks, "configured", lateness.configuredDays(), buckets);
    if (lateness.recommendedDays() != null && !lateness.beyondCountedDays()) {
      mark(marks, "recommended", lateness.recommendedDays(), buckets);
    }
    String description =
        "Records of the nights shown by days late (ingest date minus the event's date), with the"
            + " allowed lateness in force and the one the last nights recommend. "
            + lateness.line()
            + ".";
    return new Chart(
        "days-late", "Lateness and the recommended allowed lateness", description, option);
  }

  Chart freshness() {
    ObjectNode option = categories("hours");
    ObjectNode line = series(option.putArray("series"), "freshness", "line");
    ArrayNode data = line.putArray("data");
    for (NightFigures n : nights) {
      if (n.freshnessSeconds() == null) {
        data.addNull();
      } else {
        data.add(round(n.freshnessSeconds() / HOUR));
      }
    }
    line.put("connectNulls", true);
    return new Chart(
        "freshness",
        "Freshness",
        "At the end of each command: now minus the newest accepted event_time, in hours.",
        option);
  }

  Chart goldFiles(Map<String, Map<String, Long>> filesPerPartition) {
    Set<String> partitions = new TreeSet<>();
    filesPerPartition.values().forEach(p -> partitions.addAll(p.keySet()));
    ObjectNode option = JSON.createObjectNode();
    common(option);
    ObjectNode x = option.putObject("xAxis").put("type", "category").put("name", "partition");
    x.put("nameLocation", "middle").put("nameGap", 30);
    partitions.forEach(x.putArray("data")::add);
    option.putObject("yAxis").put("type", "value").put("name", "files").put("minInterval", 1);
    ArrayNode series = option.putArray("series");
    filesPerPartition.forEach(
        (table, files) -> {
          ArrayNode data = series(series, table, "bar").putArray("data");
          partitions.forEach(p -> data.add(files.getOrDefault(p, 0L)));
        });
    return new Chart(
        "gold-files",
        "Files per gold partition",
        "Active data files of each gold partition in the tables' current version: what a reader"
            + " opens.",
        option);
  }

  /**
   * The buckets worth a bar: up to the latest with records, the allowed lateness in force and the
   * recommended one, and one more so that the edge shows.
   */
  private static List<String> shown(Map<String, Long> total, LatenessRecommendation lateness) {
    List<String> buckets = new ArrayList<>(total.keySet());
    int last = 0;
    for (int i = 0; i < buckets.size(); i++) {
      if (total.get(buckets.get(i)) > 0) {
        last = i;
      }
    }
    last = Math.max(last, lateness.configuredDays());
    if (lateness.recommendedDays() != null) {
      last = Math.max(last, lateness.recommendedDays());
    }
    return buckets.subList(0, Math.min(buckets.size(), last + 2));
  }

  private Set<String> layers() {
    Set<String> layers = new LinkedHashSet<>();
    nights.forEach(n -> layers.addAll(n.layerMillis().keySet()));
    return layers;
  }

  private Set<String> reasons() {
    Set<String> reasons = new LinkedHashSet<>();
    nights.forEach(n -> reasons.addAll(n.quarantinedByReason().keySet()));
    return reasons;
  }

  /** A chart over the nights: dates along x, one value axis. */
  private ObjectNode categories(String unit) {
    ObjectNode option = JSON.createObjectNode();
    common(option);
    ObjectNode x = option.putObject("xAxis").put("type", "category").put("name", "ingest date");
    x.put("nameLocation", "middle").put("nameGap", 30);
    dates.forEach(x.putArray("data")::add);
    option.putObject("yAxis").put("type", "value").put("name", unit);
    return option;
  }

  /** What every chart shares: drawn at once (no animation, so a screenshot sees it whole). */
  private static void common(ObjectNode option) {
    option.put("animation", false);
    option.putObject("tooltip").put("trigger", "axis");
    option.putObject("legend").put("type", "scroll").put("top", 0);
    option.putObject("grid").put("left", 64).put("right", 64).put("top", 56).put("bottom", 56);
  }

  private static ObjectNode series(ArrayNode series, String name, String type) {
    return series.addObject().put("name", name).put("type", type);
  }

  private void values(ObjectNode series, ToDoubleFunction<NightFigures> value) {
    ArrayNode data = series.putArray("data");
    nights.forEach(n -> data.add(round(value.applyAsDouble(n))));
  }

  private static void mark(ArrayNode marks, String name, int days, List<String> buckets) {
    String bucket = String.valueOf(days);
    if (buckets.contains(bucket)) {
      ObjectNode mark = marks.addObject().put("name", name).put("xAxis", bucket);
      mark.putObject("label").put("formatter", name + ": " + days + " d");
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
