package lakehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.metrics.ObjectStoreRequests;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.spark.LakehouseSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code estimate --events-per-day N}: what a night of N events would store, take and cost in
 * object-store requests, scaled from the cost figures of measured nights (the lake's latest run
 * reports, the reports given, or the documented defaults). Reads reports only; starts no Spark.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    description =
        "Projects storage per layer, the night's duration on K cores and the S3 requests per night"
            + " for N events a day, from the cost figures of the lake's run reports (or the reports"
            + " given, or defaults measured on a 2-core machine). See docs/SCALING.md.")
final class EstimateCommand implements Callable<Integer> {
  @Option(
      names = "--events-per-day",
      required = true,
      paramLabel = "N",
      description = "Landing events a night takes in.")
  long eventsPerDay;

  @Option(
      names = "--days-retained",
      defaultValue = "30",
      paramLabel = "D",
      description = "Days of data each layer keeps (default: ${DEFAULT-VALUE}).")
  int daysRetained;

  @Option(
      names = "--cores",
      paramLabel = "K",
      description = "Executor cores of the cluster (default: the cores of the measured nights).")
  Integer cores;

  @Option(
      names = "--from-report",
      paramLabel = "PATH",
      description =
          "A run report (_runs/<run id>.json of run or backfill) to measure from, instead of the"
              + " lake's latest ones. Repeatable.")
  List<String> reports = new ArrayList<>();

  @Option(
      names = "--lake",
      paramLabel = "PATH",
      description = "Lake whose _runs/ reports to measure from (overrides lakehouse.root).")
  String lake;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "HOCON file over the defaults in conf/application.conf.")
  Path conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting. Repeatable.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  private final CommandEnvironment environment;

  EstimateCommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    positive("--events-per-day", eventsPerDay);
    positive("--days-retained", daysRetained);
    if (cores != null) {
      positive("--cores", cores);
    }
    MeasuredCost measured = measured();
    int onCores = cores == null ? measured.cores() : cores;
    NightEstimate estimate = NightEstimate.of(measured, eventsPerDay, daysRetained, onCores);
    Console console = environment.console();
    if (json) {
      console.progress(RunReportWriter.toJson(asJson(measured, estimate)));
    } else {
      new EstimateTable(console).print(measured, estimate);
    }
    return ExitStatus.DONE;
  }

  private MeasuredCost measured() {
    LakehouseConfig config = new ConfigLoader().load(conf, ConfigLoader.overrides(lake, settings));
    CostReports costReports =
        new CostReports(LakehouseSession.hadoopConfiguration(config.sparkSettings()));
    if (!reports.isEmpty()) {
      List<JsonNode> costs = reports.stream().map(costReports::named).toList();
      return MeasuredCost.of(
          costs.size() == 1 ? "the report " + reports.get(0) : costs.size() + " reports given",
          costs);
    }
    String runs = config.lake().runs();
    List<JsonNode> costs = costReports.latestIn(runs);
    return costs.isEmpty()
        ? MeasuredCost.defaults()
        : MeasuredCost.of(costs.size() + " run reports in " + runs, costs);
  }

  private static void positive(String option, long value) {
    if (value <= 0) {
      throw new ConfigurationException(option + " must be at least 1, got " + value);
    }
  }

  private static Map<String, Object> asJson(MeasuredCost measured, NightEstimate estimate) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("events_per_day", estimate.eventsPerDay());
    out.put("days_retained", estimate.daysRetained());
    out.put("cores", estimate.cores());
    out.put("measured", measured);
    out.put("landing_stored_bytes", estimate.landingStoredBytes());
    List<Map<String, Object>> layers = new ArrayList<>();
    for (NightEstimate.LayerNight layer : estimate.layers()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("name", layer.name());
      figures.put("stored_bytes", layer.storedBytes());
      figures.put("files_written", layer.filesWritten());
      figures.put("seconds", Math.round(layer.seconds() * 10) / 10.0);
      figures.put("requests", requests(layer.requests()));
      layers.add(figures);
    }
    out.put("layers", layers);
    out.put("stored_bytes", estimate.storedBytes());
    out.put("seconds", Math.round(estimate.seconds() * 10) / 10.0);
    out.put("requests", requests(estimate.requests()));
    out.put("requests_rule", ObjectStoreRequests.RULE);
    return out;
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

  /** The estimate as a table for a person. */
  private static final class EstimateTable {
    private static final String ROW = "%-8s %12s %16s %12s %14s %18s %15s";
    private final Console console;

    EstimateTable(Console console) {
      this.console = console;
    }

    void print(MeasuredCost measured, NightEstimate estimate) {
      console.progress(
          String.format(
              "estimate: %,d events a day, %d days retained, %d cores",
              estimate.eventsPerDay(), estimate.daysRetained(), estimate.cores()));
      console.progress(
          String.format(
              "measured: %,d nights, %,d events, on %d cores (%s)",
              measured.nights(), measured.events(), measured.cores(), measured.source()));
      console.progress("");
      console.progress(
          String.format(
              ROW,
              "layer",
              "bytes/event",
              "stored, " + estimate.daysRetained() + " d",
              "files/night",
              "events/s/core",
              "night, " + estimate.cores() + " cores",
              "requests/night"));
      console.progress(
          String.format(
              ROW,
              "landing",
              String.format(Locale.ROOT, "%.1f B", measured.landingBytesPerEvent()),
              bytes(estimate.landingStoredBytes()),
              "-",
              "-",
              "-",
              "-"));
      for (int i = 0; i < estimate.layers().size(); i++) {
        NightEstimate.LayerNight layer = estimate.layers().get(i);
        MeasuredCost.LayerRates rates = measured.layers().get(i);
        console.progress(
            String.format(
                ROW,
                layer.name(),
                String.format(Locale.ROOT, "%.1f B", rates.bytesWrittenPerEvent()),
                bytes(layer.storedBytes()),
                String.format("%,d", layer.filesWritten()),
                String.format("%,.0f", rates.eventsPerCoreSecond()),
                duration(layer.seconds()),
                String.format("%,d", layer.requests().total())));
      }
      ObjectStoreRequests requests = estimate.requests();
      console.progress(
          String.format(
              ROW,
              "total",
              "",
              bytes(estimate.storedBytes()),
              "",
              "",
              duration(estimate.seconds()),
              String.format("%,d", requests.total())));
      console.progress("");
      console.progress(
          String.format(
              "requests/night: %,d GET, %,d HEAD, %,d PUT, %,d LIST (%s)",
              requests.get(),
              requests.head(),
              requests.put(),
              requests.list(),
              ObjectStoreRequests.RULE));
      console.progress(
          "stored: bytes written per event x events x days, an upper bound where a night rewrites"
              + " partitions; night: linear in events and cores, the measured nights' fixed costs"
              + " included; see docs/SCALING.md");
    }

    private static String bytes(long bytes) {
      String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
      double value = bytes;
      int unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    private static String duration(double seconds) {
      if (seconds < 120) {
        return String.format(Locale.ROOT, "%.0f s", seconds);
      }
      if (seconds < 2 * 3600) {
        return String.format(Locale.ROOT, "%.1f min", seconds / 60);
      }
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
  }
}
