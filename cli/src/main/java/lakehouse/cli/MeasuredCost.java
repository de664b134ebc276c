package lakehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What nights cost per landing event, per layer, as their run reports measured it: the rates the
 * estimate scales up.
 *
 * @param source where the figures come from, for the reader
 * @param events landing events of the measured nights
 * @param nights nights measured
 * @param cores cores the latest measured night ran on
 * @param landingBytesPerEvent landing bytes bronze read per event (the producers' Avro)
 * @param layers the layers in the order they run
 */
record MeasuredCost(
    String source,
    long events,
    long nights,
    int cores,
    double landingBytesPerEvent,
    List<LayerRates> layers) {

  /**
   * One layer's rates.
   *
   * @param bytesWrittenPerEvent bytes the layer wrote per landing event
   * @param filesWrittenPerEvent files the layer wrote per landing event
   * @param filesReadPerEvent files the layer read per landing event
   * @param commitsPerNight Delta commits per night, whatever its size
   * @param eventsPerCoreSecond landing events the layer got through per second of one core, fixed
   *     costs of the measured nights included
   */
  record LayerRates(
      String name,
      double bytesWrittenPerEvent,
      double filesWrittenPerEvent,
      double filesReadPerEvent,
      double commitsPerNight,
      double eventsPerCoreSecond) {}

  /**
   * The defaults, for a lake with no measured night: two nights of 1,000,000 generated events each
   * (conf/local.conf, local[2], a 2-core machine), a fresh lake and the night after it. Files,
   * bytes and commits as their reports measured them; events per core-second from the same night on
   * the machine alone (bronze 31.3 s, silver 64.1 s, gold 17.6 s), since the measured nights shared
   * it. See docs/SCALING.md.
   */
  static MeasuredCost defaults() {
    return new MeasuredCost(
        "defaults measured on a 2-core machine, docs/SCALING.md",
        2_000_000,
        2,
        2,
        92.9,
        List.of(
            new LayerRates("bronze", 114.2, 24.0e-6, 24.5e-6, 1, 15_970),
            new LayerRates("silver", 127.0, 30.0e-6, 94.5e-6, 7.5, 7_800),
            new LayerRates("gold", 3.8, 16.0e-6, 44.5e-6, 5, 28_400)));
  }

  /** The rates of the reports' nights together, from the reports' cost objects. */
  static MeasuredCost of(String source, List<JsonNode> costs) {
    long events = 0;
    long nights = 0;
    int cores = 0;
    Map<String, Sum> sums = new LinkedHashMap<>();
    for (JsonNode cost : costs) {
      long reportEvents = cost.path("events").asLong();
      int reportCores = cost.path("cores").asInt();
      events += reportEvents;
      nights += Math.max(1, cost.path("nights").asLong());
      cores = reportCores;
      for (Iterator<Map.Entry<String, JsonNode>> layers = cost.path("layers").fields();
          layers.hasNext(); ) {
        Map.Entry<String, JsonNode> layer = layers.next();
        sums.computeIfAbsent(layer.getKey(), name -> new Sum())
            .add(
                layer.getValue(),
                reportEvents,
                Math.max(1, cost.path("nights").asLong()),
                reportCores);
      }
    }
    double landing =
        sums.containsKey("bronze")
            ? sums.get("bronze").bytesRead / (double) sums.get("bronze").events
            : 0;
    List<LayerRates> layers = new ArrayList<>();
    sums.forEach((name, sum) -> layers.add(sum.rates(name)));
    return new MeasuredCost(source, events, nights, cores, landing, layers);
  }

  /** A layer's figures added up over the nights that ran it. */
  private static final class Sum {
    long events;
    long nights;
    long bytesRead;
    long bytesWritten;
    long filesWritten;
    long filesRead;
    long commits;
    double coreSeconds;

    void add(JsonNode layer, long reportEvents, long reportNights, int reportCores) {
      events += reportEvents;
      nights += reportNights;
      bytesRead += layer.path("read").path("bytes").asLong();
      bytesWritten += layer.path("written").path("bytes").asLong();
      filesWritten += layer.path("written").path("files").asLong();
      filesRead += layer.path("read").path("files").asLong();
      commits += layer.path("delta_commits").asLong();
      coreSeconds += layer.path("duration_ms").asLong() / 1000.0 * reportCores;
    }

    LayerRates rates(String name) {
      double perEvent = 1.0 / events;
      return new LayerRates(
          name,
          bytesWritten * perEvent,
          filesWritten * perEvent,
          filesRead * perEvent,
          commits / (double) nights,
          coreSeconds > 0 ? events / coreSeconds : 0);
    }
  }
}
