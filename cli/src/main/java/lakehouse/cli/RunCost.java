package lakehouse.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import lakehouse.shared.metrics.LayerIo;
import lakehouse.shared.metrics.LayerIoCollector;
import lakehouse.shared.metrics.ObjectStoreRequests;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost of a command's work, for its run report: per layer (bronze, silver, gold, publish...)
 * the files, bytes and records it read and wrote, its Delta commits and the object-store requests
 * they imply (an estimate, by {@link ObjectStoreRequests}'s rule), with the events the command took
 * in and the cores it had, so that the estimate command can project a night of another size.
 */
final class RunCost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunCost.class);

  private final LayerIoCollector collector;
  private final int cores;
  private final Map<String, LayerIo> layers = new LinkedHashMap<>();
  private long events;
  private int nights;

  private RunCost(LayerIoCollector collector, int cores) {
    this.collector = collector;
    this.cores = cores;
  }

  /** Starts measuring the session's work. */
  static RunCost of(SparkSession spark) {
    return new RunCost(LayerIoCollector.attach(spark), spark.sparkContext().defaultParallelism());
  }

  /** Runs a layer's work on this thread and adds what it read and wrote to the layer's figures. */
  <T> T measure(String layer, Supplier<T> work) {
    return measure(layer, work, (result, io) -> io);
  }

  /**
   * As {@link #measure(String, Supplier)}, completing Spark's figures with what only the work's
   * result tells (files a layer read with a reader of its own); on failure Spark's figures alone.
   */
  <T> T measure(String layer, Supplier<T> work, BiFunction<T, LayerIo, LayerIo> completed) {
    LayerIoCollector.Measurement measurement = collector.begin(layer);
    T result = null;
    try {
      result = work.get();
      return result;
    } finally {
      LayerIo io = end(measurement, layer);
      add(layer, result == null ? io : completed.apply(result, io));
    }
  }

  /** One more night of the given number of landing events, for the per-event figures. */
  void night(long landingEvents) {
    events += landingEvents;
    nights++;
  }

  private static LayerIo end(LayerIoCollector.Measurement measurement, String layer) {
    try {
      return measurement.end();
    } catch (RuntimeException e) {
      // The figures are a by-product: losing them must not hide how the work itself ended.
      LOG.warn("cannot read the I/O figures of {}: {}", layer, e.toString());
      return LayerIo.NONE;
    }
  }

  private void add(String layer, LayerIo io) {
    layers.merge(layer, io, LayerIo::plus);
  }

  /** What each layer read and wrote so far, in the order the layers first ran. */
  Map<String, LayerIo> layers() {
    return Collections.unmodifiableMap(layers);
  }

  /** The report's {@code cost} object. */
  Map<String, Object> report() {
    Map<String, Object> perLayer = new LinkedHashMap<>();
    ObjectStoreRequests total = ObjectStoreRequests.NONE;
    for (Map.Entry<String, LayerIo> layer : layers.entrySet()) {
      LayerIo io = layer.getValue();
      ObjectStoreRequests requests = ObjectStoreRequests.estimate(io);
      total = total.plus(requests);
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("duration_ms", io.durationMs());
      figures.put("read", io.read());
      figures.put("written", io.written());
      figures.put("files_read_by_format", io.filesReadByFormat());
      figures.put("delta_commits", io.deltaCommits());
      figures.put("requests_estimate", requests(requests));
      perLayer.put(layer.getKey(), figures);
    }
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("cores", cores);
    cost.put("nights", nights);
    cost.put("events", events);
    cost.put("layers", perLayer);
    cost.put("requests_estimate", requests(total));
    cost.put("requests_rule", ObjectStoreRequests.RULE);
    return cost;
  }

  private static Map<String, Long> requests(ObjectStoreRequests requests) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("get", requests.get());
    counts.put("head", requests.head());
    counts.put("put", requests.put());
    counts.put("list", requests.list());
    counts.put("total", requests.total());
    return counts;
  }

  @Override
  public void close() {
    collector.close();
  }
}
