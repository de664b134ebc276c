package lakehouse.cli;

import java.util.ArrayList;
import java.util.List;
import lakehouse.shared.metrics.ObjectStoreRequests;

/**
 * A night of another size, projected from measured rates: what each layer stores, how long it takes
 * on a number of cores, and the object-store requests it implies. Every figure grows linearly with
 * the events but the Delta commits, which are per night.
 *
 * @param landingStoredBytes the producers' landing files kept for the days retained
 * @param layers the layers' projections
 */
record NightEstimate(
    long eventsPerDay,
    int daysRetained,
    int cores,
    long landingStoredBytes,
    List<LayerNight> layers) {

  /**
   * One layer's night.
   *
   * @param storedBytes bytes written per night times the days retained: what the layer stores, an
   *     upper bound where a night rewrites earlier partitions (silver's feature groups, gold)
   * @param filesWritten files one night writes, at the file sizes measured
   * @param seconds the layer's time on the cores, from the measured events per core-second
   * @param requests the object-store requests of one night (estimate)
   */
  record LayerNight(
      String name,
      long storedBytes,
      long filesWritten,
      double seconds,
      ObjectStoreRequests requests) {}

  static NightEstimate of(MeasuredCost measured, long eventsPerDay, int daysRetained, int cores) {
    List<LayerNight> layers = new ArrayList<>();
    for (MeasuredCost.LayerRates rates : measured.layers()) {
      long filesWritten = Math.round(rates.filesWrittenPerEvent() * eventsPerDay);
      long filesRead = Math.round(rates.filesReadPerEvent() * eventsPerDay);
      layers.add(
          new LayerNight(
              rates.name(),
              Math.round(rates.bytesWrittenPerEvent() * eventsPerDay * daysRetained),
              filesWritten,
              rates.eventsPerCoreSecond() > 0
                  ? eventsPerDay / (rates.eventsPerCoreSecond() * cores)
                  : 0,
              ObjectStoreRequests.forFiles(filesRead, filesWritten)
                  .plus(ObjectStoreRequests.forCommits(Math.round(rates.commitsPerNight())))));
    }
    return new NightEstimate(
        eventsPerDay,
        daysRetained,
        cores,
        Math.round(measured.landingBytesPerEvent() * eventsPerDay * daysRetained),
        layers);
  }

  long storedBytes() {
    return landingStoredBytes + layers.stream().mapToLong(LayerNight::storedBytes).sum();
  }

  double seconds() {
    return layers.stream().mapToDouble(LayerNight::seconds).sum();
  }

  ObjectStoreRequests requests() {
    return layers.stream()
        .map(LayerNight::requests)
        .reduce(ObjectStoreRequests.NONE, ObjectStoreRequests::plus);
  }
}
