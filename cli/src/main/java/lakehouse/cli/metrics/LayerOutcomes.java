package lakehouse.cli.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.bronze.BronzeResult;
import lakehouse.bronze.RejectedFile;
import lakehouse.bronze.RejectionReason;
import lakehouse.gold.GoldResult;
import lakehouse.online.publish.PublishReport;
import lakehouse.shared.metrics.LayerIo;
import lakehouse.silver.ArrivalLatency;
import lakehouse.silver.SilverReport;
import lakehouse.silver.validation.ValidationRules;

/**
 * Adds up what the layers of a command decided (records by outcome, files, reasons) from the
 * results they report, date after date for a backfill, and joins them with what Spark measured of
 * each layer into the {@link LayerMetrics} of the run.
 */
public final class LayerOutcomes {
  private final Map<String, Counts> layers = new LinkedHashMap<>();
  private final List<NightArrival> arrivals = new ArrayList<>();
  private String newestArrival;

  /** Counts a layer's result; results of other kinds (a cleanup's) carry no outcomes. */
  public void add(Object result) {
    if (result instanceof BronzeResult bronze) {
      bronze(bronze);
    } else if (result instanceof SilverReport silver) {
      silver(silver);
    } else if (result instanceof GoldResult gold) {
      gold(gold);
    } else if (result instanceof PublishReport publish) {
      publish(publish);
    }
  }

  private void bronze(BronzeResult bronze) {
    Counts counts = layer("bronze");
    counts.recordsIn += bronze.rowsRead();
    counts.out("ingested", bronze.rowsRead());
    counts.files("ingested", bronze.filesIngested());
    counts.files("skipped", bronze.filesSkipped());
    counts.files("rejected", bronze.filesRejected().size());
    // Every reason is present, with 0 when none, so that an alert on it sees a series each night.
    for (RejectionReason reason : RejectionReason.values()) {
      counts.rejectedFilesByReason.merge(reason.label(), 0L, Long::sum);
    }
    for (RejectedFile rejected : bronze.filesRejected()) {
      counts.rejectedFilesByReason.merge(rejected.reason().label(), 1L, Long::sum);
    }
  }

  private void silver(SilverReport silver) {
    Counts counts = layer("silver");
    counts.recordsIn += silver.rowsRead();
    counts.out("accepted", silver.rowsAccepted());
    counts.out("quarantined", silver.recordsQuarantined());
    counts.out("duplicate", silver.duplicatesDropped());
    silver
        .rowsQuarantined()
        .forEach((reason, rows) -> counts.quarantinedByReason.merge(reason, rows, Long::sum));
    ArrivalLatency arrival = silver.arrivalLatency();
    if (arrival == null) {
      return;
    }
    arrivals.add(
        new NightArrival(
            LocalDate.parse(arrival.ingestDate()),
            arrival.daysLate(),
            silver.rowsQuarantined().getOrDefault(ValidationRules.TOO_LATE, 0L)));
    arrival
        .daysLate()
        .forEach(
            (days, n) -> counts.arrivalRecordsByDaysLate.merge(pushedBucket(days), n, Long::sum));
    // Quantiles do not add up over the dates of a backfill: the newest date's stand for them.
    if (arrival.seconds() != null
        && (newestArrival == null || arrival.ingestDate().compareTo(newestArrival) >= 0)) {
      newestArrival = arrival.ingestDate();
      ArrivalLatency.LatencyPercentiles seconds = arrival.seconds();
      counts.arrivalLatencySeconds.clear();
      counts.arrivalLatencySeconds.put("0.5", seconds.p50());
      counts.arrivalLatencySeconds.put("0.9", seconds.p90());
      counts.arrivalLatencySeconds.put("0.99", seconds.p99());
      counts.arrivalLatencySeconds.put("0.999", seconds.p999());
      counts.arrivalLatencySeconds.put("max", seconds.max());
    }
  }

  /** The few days-late buckets pushed: 0, 1, 2 and 3+, every one present. */
  private static String pushedBucket(String days) {
    return switch (days) {
      case "0", "1", "2" -> days;
      default -> "3+";
    };
  }

  /** The nights silver measured, one per ingest date it read, as the report will hold them. */
  public List<NightArrival> arrivals() {
    return List.copyOf(arrivals);
  }

  private void gold(GoldResult gold) {
    Counts counts = layer("gold");
    long promotedRows = 0;
    for (Map.Entry<String, List<String>> table : gold.partitionsPromoted().entrySet()) {
      Map<String, Long> rows = gold.rowsPerPartition().getOrDefault(table.getKey(), Map.of());
      long tableRows = table.getValue().stream().mapToLong(p -> rows.getOrDefault(p, 0L)).sum();
      promotedRows += tableRows;
      counts.rowsPromotedByTable.merge(table.getKey(), tableRows, Long::sum);
      counts.partitionsPromotedByTable.merge(
          table.getKey(), (long) table.getValue().size(), Long::sum);
    }
    counts.out("promoted", promotedRows);
  }

  private void publish(PublishReport publish) {
    Counts counts = layer("publish");
    counts.recordsIn += publish.rowsRead();
    counts.out("written", publish.keysWritten());
    counts.out("kept_newer", publish.keysKeptNewer());
  }

  private Counts layer(String name) {
    return layers.computeIfAbsent(name, n -> new Counts());
  }

  /**
   * The run's layers: every layer Spark measured, in the order they ran, with the outcomes their
   * results gave. A layer that failed before its result has Spark's figures alone. Gold and layers
   * without a result of their own take in the records their Spark scans read.
   */
  public List<LayerMetrics> metrics(Map<String, LayerIo> measured) {
    List<LayerMetrics> metrics = new ArrayList<>();
    for (Map.Entry<String, LayerIo> layer : measured.entrySet()) {
      LayerIo io = layer.getValue();
      Counts counts = layers.getOrDefault(layer.getKey(), new Counts());
      long recordsIn =
          layers.containsKey(layer.getKey()) && !"gold".equals(layer.getKey())
              ? counts.recordsIn
              : io.read().records();
      metrics.add(
          new LayerMetrics(
              layer.getKey(),
              io.durationMs(),
              recordsIn,
              counts.recordsOut,
              counts.quarantinedByReason,
              counts.landingFiles,
              counts.rejectedFilesByReason,
              counts.rowsPromotedByTable,
              counts.partitionsPromotedByTable,
              LayerMetrics.perSecond(recordsIn, io.durationMs()),
              io.read(),
              io.written(),
              io.deltaCommits(),
              io.deltaCommitDurationsMs(),
              counts.arrivalLatencySeconds,
              counts.arrivalRecordsByDaysLate));
    }
    return metrics;
  }

  /** One layer's outcomes so far. */
  private static final class Counts {
    long recordsIn;
    final Map<String, Long> recordsOut = new LinkedHashMap<>();
    final Map<String, Long> quarantinedByReason = new LinkedHashMap<>();
    final Map<String, Long> landingFiles = new LinkedHashMap<>();
    final Map<String, Long> rejectedFilesByReason = new LinkedHashMap<>();
    final Map<String, Long> rowsPromotedByTable = new LinkedHashMap<>();
    final Map<String, Long> partitionsPromotedByTable = new LinkedHashMap<>();
    final Map<String, Long> arrivalLatencySeconds = new LinkedHashMap<>();
    final Map<String, Long> arrivalRecordsByDaysLate = new LinkedHashMap<>();

    void out(String outcome, long records) {
      recordsOut.merge(outcome, records, Long::sum);
    }

    void files(String outcome, long files) {
      landingFiles.merge(outcome, files, Long::sum);
    }
  }
}
