package lakehouse.cli.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A run's metrics as Prometheus metrics, in a registry of the official client (which renders them).
 * Run-level and lake metrics carry the label {@code command}, layer metrics the label {@code
 * layer}: the labels of the Pushgateway groups they are pushed in, so that a night replaces the
 * previous night's figures of the same command or layer. Other labels: {@code outcome}, {@code
 * reason}, {@code table}; never anything per user, file or run.
 *
 * <p>Counters hold the figures of the run that pushed them (each push replaces the group's), so
 * read them as they are, not with rate(). A metric is registered only with a value: one the run
 * does not have (a last success, after a failure) is not pushed, and the Pushgateway keeps the
 * previous run's.
 */
public final class PrometheusMetrics {
  static final String COMMAND = "command";
  static final String LAYER = "layer";

  /** Commit durations from a tenth of a second to ten minutes. */
  private static final double[] COMMIT_SECONDS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 600};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Map<String, Object> registered = new HashMap<>();

  private PrometheusMetrics() {}

  /** The run's own group: how it ended and the lake after it. */
  public static PrometheusRegistry runGroup(RunMetrics run) {
    PrometheusMetrics metrics = new PrometheusMetrics();
    metrics.run(run);
    return metrics.registry;
  }

  /** One layer's group. */
  public static PrometheusRegistry layerGroup(LayerMetrics layer) {
    PrometheusMetrics metrics = new PrometheusMetrics();
    metrics.layer(layer);
    return metrics.registry;
  }

  /** Every group of the run in one registry, as a textfile holds them. */
  public static PrometheusRegistry all(RunMetrics run) {
    PrometheusMetrics metrics = new PrometheusMetrics();
    metrics.run(run);
    run.layers().forEach(metrics::layer);
    return metrics.registry;
  }

  private void run(RunMetrics run) {
    String command = run.command();
    double ended = seconds(Instant.parse(run.endedAt()));
    gauge("lakehouse_run_duration_seconds", "Wall time of the command.", COMMAND)
        .labelValues(command)
        .set(run.durationMs() / 1000.0);
    gauge(
            "lakehouse_run_exit_status",
            "Exit status of the command: 0 done, 1 failed, 3 done with rejected files.",
            COMMAND)
        .labelValues(command)
        .set(run.exitStatus());
    gauge("lakehouse_run_end_timestamp_seconds", "When the command ended.", COMMAND)
        .labelValues(command)
        .set(ended);
    if (run.succeeded()) {
      gauge(
              "lakehouse_last_success_timestamp_seconds",
              "When the command last ended successfully (with or without rejected files).",
              COMMAND)
          .labelValues(command)
          .set(ended);
    } else {
      gauge("lakehouse_last_failure_timestamp_seconds", "When the command last failed.", COMMAND)
          .labelValues(command)
          .set(ended);
    }
    if (run.landingRecords() > 0) {
      counter(
              "lakehouse_run_landing_records_total",
              "Landing records the command took in.",
              COMMAND)
          .labelValues(command)
          .inc(run.landingRecords());
      gauge(
              "lakehouse_run_records_per_second",
              "Landing records per second of the command's wall time.",
              COMMAND)
          .labelValues(command)
          .set(run.recordsPerSecond());
    }
    if (run.lake() != null) {
      lake(command, run.lake());
    }
  }

  private void lake(String command, LakeGauges lake) {
    if (lake.newestEventTime() != null) {
      gauge(
              "lakehouse_newest_event_timestamp_seconds",
              "The newest event_time accepted into silver; freshness is time() minus this.",
              COMMAND)
          .labelValues(command)
          .set(seconds(Instant.parse(lake.newestEventTime())));
      gauge(
              "lakehouse_freshness_seconds",
              "When the command ended, how old the newest accepted event was.",
              COMMAND)
          .labelValues(command)
          .set((double) lake.freshnessSeconds());
    }
    if (lake.newestProcessedIngestDate() != null) {
      gauge(
              "lakehouse_newest_processed_ingest_date_timestamp_seconds",
              "Start (UTC) of the newest ingest date silver processed files of.",
              COMMAND)
          .labelValues(command)
          .set(startOf(lake.newestProcessedIngestDate()));
      gauge(
              "lakehouse_watermark_timestamp_seconds",
              "Start (UTC) of the watermark in force: the newest processed ingest date minus the"
                  + " allowed lateness; older events are quarantined as too_late.",
              COMMAND)
          .labelValues(command)
          .set(startOf(lake.watermark()));
    }
    gauge("lakehouse_allowed_lateness_days", "The allowed lateness in force, in days.", COMMAND)
        .labelValues(command)
        .set(lake.allowedLatenessDays());
    LatenessRecommendation recommendation = lake.latenessRecommendation();
    if (recommendation != null && recommendation.recommendedDays() != null) {
      gauge(
              "lakehouse_recommended_allowed_lateness_days",
              "The fewest days of allowed lateness that would have kept the configured share of the"
                  + " last nights' events (31: more than 30).",
              COMMAND)
          .labelValues(command)
          .set(recommendation.recommendedDays());
    }
    gauge(
            "lakehouse_backlog_dates",
            "Landing dates holding files that silver has not processed.",
            COMMAND)
        .labelValues(command)
        .set((double) lake.backlogDates());
    gauge(
            "lakehouse_backlog_files",
            "Landing files that silver has not processed (not yet ingested, or rejected).",
            COMMAND)
        .labelValues(command)
        .set((double) lake.backlogFiles());
    if (lake.goldPartitionsStale().isEmpty()) {
      return;
    }
    Gauge stale =
        gauge(
            "lakehouse_gold_partitions_stale",
            "Recent gold partitions whose silver inputs changed after their promotion.",
            COMMAND,
            "table");
    lake.goldPartitionsStale()
        .forEach((table, n) -> stale.labelValues(command, table).set((double) n));
  }

  private void layer(LayerMetrics layer) {
    String name = layer.layer();
    gauge("lakehouse_layer_duration_seconds", "Wall time of the layer.", LAYER)
        .labelValues(name)
        .set(layer.durationMs() / 1000.0);
    counter("lakehouse_records_in_total", "Records the layer took in.", LAYER)
        .labelValues(name)
        .inc(layer.recordsIn());
    gauge(
            "lakehouse_records_per_second",
            "Records the layer took in per second of its wall time.",
            LAYER)
        .labelValues(name)
        .set(layer.recordsPerSecond());
    Counter out =
        counter(
            "lakehouse_records_out_total",
            "Records the layer decided on, by outcome.",
            LAYER,
            "outcome");
    layer.recordsOut().forEach((outcome, n) -> out.labelValues(name, outcome).inc(n));
    if (!layer.quarantinedByReason().isEmpty()) {
      Counter quarantined =
          counter(
              "lakehouse_quarantined_records_total",
              "Records quarantined, by rule; a record failing two rules counts in both.",
              LAYER,
              "reason");
      layer
          .quarantinedByReason()
          .forEach((reason, n) -> quarantined.labelValues(name, reason).inc(n));
    }
    if (!layer.landingFiles().isEmpty()) {
      Counter files =
          counter(
              "lakehouse_landing_files_total",
              "Landing files by outcome: ingested, skipped (already ingested), rejected.",
              LAYER,
              "outcome");
      layer.landingFiles().forEach((outcome, n) -> files.labelValues(name, outcome).inc(n));
    }
    if (!layer.rejectedFilesByReason().isEmpty()) {
      Counter rejected =
          counter(
              "lakehouse_rejected_files_total",
              "Landing files rejected, by reason.",
              LAYER,
              "reason");
      layer
          .rejectedFilesByReason()
          .forEach((reason, n) -> rejected.labelValues(name, reason).inc(n));
    }
    if (!layer.rowsPromotedByTable().isEmpty()) {
      Counter rows =
          counter(
              "lakehouse_gold_rows_promoted_total",
              "Rows of the gold partitions promoted, by table.",
              LAYER,
              "table");
      layer.rowsPromotedByTable().forEach((table, n) -> rows.labelValues(name, table).inc(n));
      Counter partitions =
          counter(
              "lakehouse_gold_partitions_promoted_total",
              "Gold partitions promoted, by table.",
              LAYER,
              "table");
      layer
          .partitionsPromotedByTable()
          .forEach((table, n) -> partitions.labelValues(name, table).inc(n));
    }
    counter("lakehouse_read_files_total", "Files the layer read.", LAYER)
        .labelValues(name)
        .inc(layer.read().files());
    counter("lakehouse_read_bytes_total", "Bytes the layer read.", LAYER)
        .labelValues(name)
        .inc(layer.read().bytes());
    counter("lakehouse_written_files_total", "Files the layer wrote.", LAYER)
        .labelValues(name)
        .inc(layer.written().files());
    counter("lakehouse_written_bytes_total", "Bytes the layer wrote.", LAYER)
        .labelValues(name)
        .inc(layer.written().bytes());
    counter("lakehouse_delta_commits_total", "Delta commits the layer made.", LAYER)
        .labelValues(name)
        .inc(layer.deltaCommits());
    if (!layer.arrivalLatencySeconds().isEmpty()) {
      Gauge latency =
          gauge(
              "lakehouse_arrival_latency_seconds",
              "End of the ingest date minus event_time, approximate quantiles of the newest ingest"
                  + " date read, too_late records included.",
              LAYER,
              "quantile");
      layer
          .arrivalLatencySeconds()
          .forEach(
              (quantile, seconds) -> {
                if (!quantile.equals("max")) {
                  latency.labelValues(name, quantile).set(seconds);
                }
              });
      gauge(
              "lakehouse_arrival_latency_max_seconds",
              "The largest arrival latency of the newest ingest date read.",
              LAYER)
          .labelValues(name)
          .set(layer.arrivalLatencySeconds().get("max"));
    }
    if (!layer.arrivalRecordsByDaysLate().isEmpty()) {
      Counter late =
          counter(
              "lakehouse_arrival_records_total",
              "Records read by days late (ingest date minus the event's date): 0, 1, 2, 3+.",
              LAYER,
              "days_late");
      layer.arrivalRecordsByDaysLate().forEach((days, n) -> late.labelValues(name, days).inc(n));
    }
    Histogram commits =
        histogram(
            "lakehouse_delta_commit_duration_seconds",
            "Duration of each Delta commit: the write that made it, from its start to its end.",
            LAYER);
    var layerCommits = commits.labelValues(name);
    layer.deltaCommitDurationsMs().forEach(ms -> layerCommits.observe(ms / 1000.0));
  }

  private Gauge gauge(String name, String help, String... labels) {
    return (Gauge)
        registered.computeIfAbsent(
            name, n -> Gauge.builder().name(n).help(help).labelNames(labels).register(registry));
  }

  private Counter counter(String name, String help, String... labels) {
    return (Counter)
        registered.computeIfAbsent(
            name, n -> Counter.builder().name(n).help(help).labelNames(labels).register(registry));
  }

  private Histogram histogram(String name, String help, String... labels) {
    return (Histogram)
        registered.computeIfAbsent(
            name,
            n ->
                Histogram.builder()
                    .name(n)
                    .help(help)
                    .labelNames(labels)
                    .classicOnly()
                    .classicUpperBounds(COMMIT_SECONDS)
                    .register(registry));
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }

  private static double startOf(String isoDate) {
    return LocalDate.parse(isoDate).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }
}
