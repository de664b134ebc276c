package lakehouse.cli.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import lakehouse.shared.config.MetricsSettings;

/**
 * Sends a run's metrics where the configuration says: to a Pushgateway, one group per layer and one
 * for the run, and to a node_exporter textfile. Nothing here fails a run: a failed push or write
 * becomes a warning, said on the console and kept in the report.
 *
 * <p>Groups are pushed with POST (the client's pushAdd), which replaces the metrics of the same
 * names in the group and keeps the others: a failed night pushes no last-success time, and the
 * Pushgateway keeps the previous night's, which the "no successful night" alert needs.
 */
public final class MetricsExport {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final MetricsSettings settings;
  private final Consumer<String> warn;

  public MetricsExport(MetricsSettings settings, Consumer<String> warn) {
    this.settings = settings;
    this.warn = warn;
  }

  /**
   * Checks the settings before a command starts Spark.
   *
   * @throws lakehouse.shared.config.ConfigurationException naming the setting
   */
  public static void validate(MetricsSettings settings) {
    settings.pushgateway().ifPresent(PushgatewayAddress::parse);
  }

  public ExportOutcome export(RunMetrics run) {
    long started = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    List<String> pushed = new ArrayList<>();
    String gateway = null;
    if (settings.pushgateway().isPresent()) {
      PushgatewayAddress address = PushgatewayAddress.parse(settings.pushgateway().get());
      gateway = address.display();
      Map<String, PrometheusRegistry> groups = new LinkedHashMap<>();
      groups.put(group(PrometheusMetrics.COMMAND, run.command()), PrometheusMetrics.runGroup(run));
      for (LayerMetrics layer : run.layers()) {
        groups.put(
            group(PrometheusMetrics.LAYER, layer.layer()), PrometheusMetrics.layerGroup(layer));
      }
      for (Map.Entry<String, PrometheusRegistry> group : groups.entrySet()) {
        Optional<String> failed = push(address, group.getKey(), group.getValue());
        if (failed.isPresent()) {
          // A gateway that did not take one group will not take the next: one warning, and a dead
          // host costs the night one timeout, not one per group.
          warnings.add(
              failed.get() + "; " + (groups.size() - pushed.size() - 1) + " more not pushed");
          break;
        }
        pushed.add(group.getKey());
      }
    }
    String textfile = settings.textfile().orElse(null);
    if (textfile != null) {
      writeTextfile(Path.of(textfile), PrometheusMetrics.all(run)).ifPresent(warnings::add);
    }
    warnings.forEach(warn);
    return new ExportOutcome(
        gateway,
        pushed,
        textfile,
        warnings,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /** Pushes one group ({@code label=value}); the warning if it failed. */
  private Optional<String> push(
      PushgatewayAddress address, String group, PrometheusRegistry registry) {
    String[] labelAndValue = group.split("=", 2);
    try {
      PushGateway.builder()
          .scheme(address.scheme())
          .address(address.hostAndPort())
          .job(settings.job())
          .groupingKey(labelAndValue[0], labelAndValue[1])
          .registry(registry)
          .format(Format.PROMETHEUS_TEXT)
          .connectionTimeout(TIMEOUT)
          .readTimeout(TIMEOUT)
          .build()
          .pushAdd();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          "metrics not pushed to the Pushgateway "
              + address.display()
              + " (group "
              + group
              + "): "
              + e.getMessage());
    }
  }

  /**
   * Writes the file whole or not at all: node_exporter may read it at any moment, so the metrics go
   * to a hidden file beside it first, then replace it in one rename.
   */
  private static Optional<String> writeTextfile(Path file, PrometheusRegistry registry) {
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = folder.resolve("." + file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      PrometheusTextFormatWriter.builder()
          .setIncludeCreatedTimestamps(false)
          .build()
          .write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException | RuntimeException e) {
      return Optional.of("metrics not written to " + file + ": " + e.getMessage());
    }
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("metrics not written to " + file + ": " + e.getMessage());
    }
  }

  private static String group(String label, String value) {
    return label + "=" + value;
  }
}
