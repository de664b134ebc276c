package lakehouse.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in {@code conf/grafana} queries only what the lakehouse pushes: every
 * metric a panel names is one that a night exports, and every label it groups or names a series by
 * is one of that metric's labels or a grouping label of the Pushgateway.
 */
class GrafanaDashboardTest {
  private static final Path DASHBOARD =
      Path.of("..", "conf", "grafana", "lakehouse-dashboard.json");
  private static final Pattern METRIC = Pattern.compile("lakehouse_[a-z_]+");
  private static final Pattern GROUPED_BY = Pattern.compile("by \\(([a-z_, ]+)\\)");
  private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{([a-z_]+)}}");

  /** Added by the push: the grouping key, and the instance the Pushgateway adds. */
  private static final Set<String> GROUPING_LABELS = Set.of("job", "instance", "command", "layer");

  @Test
  void everyPanelQueriesExportedMetricsByTheirOwnLabels() throws IOException {
    Map<String, Set<String>> exported =
        labelsByName(
            PrometheusMetrics.all(
                SampleRuns.night("succeeded_with_rejections", 3, "2026-11-22T03:00:00Z", 1)));
    List<JsonNode> targets = targets(new ObjectMapper().readTree(DASHBOARD.toFile()));

    assertThat(targets).hasSizeGreaterThan(20);
    for (JsonNode target : targets) {
      String expr = target.get("expr").asText();
      Set<String> labels = new HashSet<>(GROUPING_LABELS);
      List<String> names = matches(METRIC, expr);
      assertThat(names).as("a lakehouse metric in %s", expr).isNotEmpty();
      for (String name : names) {
        assertThat(exported).as("exported metrics, queried by %s", expr).containsKey(name);
        labels.addAll(exported.get(name));
      }
      List<String> used =
          new ArrayList<>(matches(LEGEND_LABEL, target.path("legendFormat").asText()));
      for (String grouped : matches(GROUPED_BY, expr)) {
        for (String label : grouped.split(",")) {
          used.add(label.trim());
        }
      }
      assertThat(labels).as("labels of %s", expr).containsAll(used);
    }
  }

  @Test
  void theDashboardCoversEveryFamilyTheAlertsWatch() throws IOException {
    String dashboard = new ObjectMapper().readTree(DASHBOARD.toFile()).toString();

    assertThat(dashboard)
        .contains("lakehouse_last_success_timestamp_seconds")
        .contains("lakehouse_run_exit_status")
        .contains("lakehouse_quarantined_records_total")
        .contains("lakehouse_rejected_files_total")
        .contains("lakehouse_freshness_seconds")
        .contains("lakehouse_backlog_files")
        .contains("lakehouse_recommended_allowed_lateness_days")
        .contains("lakehouse_delta_commit_duration_seconds_bucket")
        .contains("lakehouse_watermark_timestamp_seconds");
  }

  /** Each exported name (a histogram's series under their suffixes too) with its labels. */
  private static Map<String, Set<String>> labelsByName(PrometheusRegistry registry) {
    Map<String, Set<String>> labels = new HashMap<>();
    for (MetricSnapshot metric : registry.scrape()) {
      Set<String> names = new HashSet<>();
      for (DataPointSnapshot point : metric.getDataPoints()) {
        for (Label label : point.getLabels()) {
          names.add(label.getName());
        }
      }
      String name = metric.getMetadata().getPrometheusName();
      List<String> series =
          switch (metric.getClass().getSimpleName()) {
            case "CounterSnapshot" -> List.of(name + "_total");
            case "HistogramSnapshot" -> List.of(name + "_bucket", name + "_sum", name + "_count");
            case "SummarySnapshot" -> List.of(name, name + "_sum", name + "_count");
            default -> List.of(name);
          };
      for (String one : series) {
        Set<String> these = new HashSet<>(names);
        if (one.endsWith("_bucket")) {
          these.add("le");
        }
        labels.put(one, these);
      }
    }
    return labels;
  }

  private static List<JsonNode> targets(JsonNode dashboard) {
    List<JsonNode> targets = new ArrayList<>();
    dashboard.findValues("targets").forEach(t -> t.elements().forEachRemaining(targets::add));
    return targets;
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
    }
    return found;
  }
}
