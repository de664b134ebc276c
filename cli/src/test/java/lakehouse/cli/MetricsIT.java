package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import lakehouse.cli.metrics.PushgatewayServer;
import lakehouse.cli.metrics.PushgatewayServer.Sample;
import lakehouse.online.client.testing.RedisServer;
import lakehouse.shared.run.RunReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nights through scripts/lakehouse with a real Pushgateway (and, the second night, a real Redis
 * to publish to): what the Pushgateway holds after each night, read back over its HTTP API, is what
 * the night's report says, under the documented names and labels, and the second night replaces the
 * first. The page {@code report} draws of those nights, opened in a real headless Chromium, shows
 * every chart.
 */
class MetricsIT {
  private static final Map<String, String> KEY =
      Map.of("LAKEHOUSE_PII_KEY", "integration-test-key");
  private static final String JOB = "metrics-it";
  private static final Set<String> LABELS =
      Set.of(
          "job",
          "instance",
          "command",
          "layer",
          "outcome",
          "reason",
          "table",
          "quantile",
          "days_late");
  private static final Set<String> LAYERS = Set.of("bronze", "silver", "gold", "publish");

  @TempDir Path lake;
  @TempDir Path servers;

  @Test
  void twoNightsPushWhatTheirReportsSay() throws Exception {
    LakehouseProcess.Outcome generated =
        LakehouseProcess.run(
            Map.of(),
            "generate",
            "--out",
            lake.toString(),
            "--from",
            "2026-11-20",
            "--days",
            "2",
            "--events-per-day",
            "2000",
            "--seed",
            "13",
            "--files-per-day",
            "4",
            "--corrupt-files");
    assertThat(generated.exitStatus()).as(generated.all()).isZero();
    Path textfile = lake.resolve("lakehouse.prom");

    try (PushgatewayServer gateway = PushgatewayServer.start(servers);
        RedisServer redis = RedisServer.start(Files.createTempDirectory(servers, "redis"))) {
      night(gateway, textfile, "night-1", "2026-11-20");
      List<Sample> first = gateway.samples();
      JsonNode firstReport = report("night-1");
      assertPushedAsReported(first, firstReport, List.of("bronze", "silver", "gold"));

      List<String> second = new ArrayList<>(List.of("--publish"));
      second.addAll(List.of(OnlineStoreOptions.pointingAt(redis)));
      night(gateway, textfile, "night-2", "2026-11-21", second.toArray(String[]::new));
      List<Sample> after = gateway.samples();
      JsonNode secondReport = report("night-2");
      assertPushedAsReported(after, secondReport, List.of("bronze", "silver", "gold", "publish"));

      assertThat(value(after, "lakehouse_last_success_timestamp_seconds", "command", "run"))
          .as("the second night's success replaced the first's")
          .isGreaterThan(
              value(first, "lakehouse_last_success_timestamp_seconds", "command", "run"));
      assertThat(groups(after))
          .as("one group per command and per layer, whatever the number of nights")
          .containsExactlyInAnyOrder(
              "command=run", "layer=bronze", "layer=silver", "layer=gold", "layer=publish");
      assertThat(Files.readString(textfile))
          .as("the textfile holds the last night")
          .contains(
              "lakehouse_records_in_total{layer=\"bronze\"} "
                  + secondReport.at("/layers/bronze/rows_read").asLong())
          .contains("lakehouse_last_success_timestamp_seconds{command=\"run\"}");
    }
    assertTheReportPageDrawsBothNights();
  }

  /**
   * The page of {@code report} opened in a real headless Chromium: every chart drawn as SVG, no
   * console message, nothing fetched from a network, and a screenshot that is not blank.
   */
  private void assertTheReportPageDrawsBothNights() throws Exception {
    Path page = lake.resolve("nights.html");
    LakehouseProcess.Outcome report =
        LakehouseProcess.run(KEY, "report", "--out", page.toString(), "--lake", lake.toString());
    assertThat(report.exitStatus()).as(report.all()).isZero();
    assertThat(report.stdout())
        .contains("report: 2 nights from 2026-11-20 to 2026-11-21, 8 charts, written to " + page);
    assertThat(Files.readString(page))
        .as("a self-contained page: no script, style or image fetched")
        .doesNotContainPattern("<script[^>]*\\ssrc=")
        .doesNotContain("<link")
        .doesNotContainPattern("<img[^>]*\\ssrc=\"https?:");

    Path screenshot = lake.resolve("nights.png");
    HeadlessChromium.Rendered rendered =
        HeadlessChromium.open(page, screenshot, 1320, 1900, servers);

    assertThat(rendered.consoleMessages()).as("the page's console").isEmpty();
    for (String chart :
        List.of(
            "durations",
            "throughput",
            "quarantine",
            "duplicates",
            "latency",
            "days-late",
            "freshness",
            "gold-files")) {
      String element = section(rendered.dom(), chart);
      assertThat(element).as("chart %s", chart).contains("<svg");
      assertThat(element.split("<path", -1).length - 1)
          .as("shapes drawn in chart %s", chart)
          .isGreaterThan(10);
    }
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(1320);
    assertThat(colours(image)).as("colours in the screenshot").isGreaterThan(20);
  }

  private static String section(String dom, String chartId) {
    int start = dom.indexOf("id=\"" + chartId + "\"");
    assertThat(start).as("the element of chart %s", chartId).isNotNegative();
    int end = dom.indexOf("</section>", start);
    return dom.substring(start, end < 0 ? dom.length() : end);
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  private void night(
      PushgatewayServer gateway, Path textfile, String runId, String date, String... more)
      throws Exception {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "run",
                "--date",
                date,
                "--lake",
                lake.toString(),
                "--run-id",
                runId,
                "--set",
                "metrics.pushgateway=" + gateway.address(),
                "--set",
                "metrics.job=" + JOB,
                "--set",
                "metrics.textfile=" + textfile));
    arguments.addAll(List.of(more));
    LakehouseProcess.Outcome night = LakehouseProcess.run(KEY, arguments.toArray(String[]::new));
    assertThat(night.exitStatus()).as(night.all()).isEqualTo(3);
    assertThat(night.stderr()).doesNotContain("metrics not");
  }

  private static void assertPushedAsReported(
      List<Sample> pushed, JsonNode report, List<String> layers) {
    // push_time_seconds and push_failure_time_seconds are the Pushgateway's own, per group.
    List<Sample> samples = pushed.stream().filter(s -> !s.name().startsWith("push_")).toList();
    assertThat(samples)
        .allSatisfy(
            sample -> {
              assertThat(sample.name()).startsWith("lakehouse_").doesNotContain("run_id");
              assertThat(LABELS).containsAll(sample.labels().keySet());
              assertThat(sample.labels()).containsEntry("job", JOB);
              if (sample.labels().containsKey("layer")) {
                assertThat(LAYERS).contains(sample.labels().get("layer"));
                assertThat(sample.labels()).doesNotContainKey("command");
              } else {
                assertThat(sample.labels()).containsEntry("command", "run");
              }
            });
    JsonNode metrics = report.get("metrics");
    assertThat(metrics.at("/export/warnings")).isEmpty();
    assertThat(metrics.at("/export/groups_pushed")).hasSize(layers.size() + 1);

    // The run as a whole.
    assertThat(value(samples, "lakehouse_run_exit_status", "command", "run"))
        .isEqualTo(report.get("exit_status").asDouble());
    assertThat(value(samples, "lakehouse_run_duration_seconds", "command", "run"))
        .isPositive()
        .isEqualTo(report.get("duration_ms").asLong() / 1000.0);
    assertThat(value(samples, "lakehouse_last_success_timestamp_seconds", "command", "run"))
        .isEqualTo(Instant.parse(report.get("ended_at").asText()).toEpochMilli() / 1000.0);
    assertThat(value(samples, "lakehouse_backlog_files", "command", "run"))
        .isEqualTo(metrics.at("/lake/backlog_files").asDouble());
    assertThat(value(samples, "lakehouse_newest_event_timestamp_seconds", "command", "run"))
        .isEqualTo(
            Instant.parse(metrics.at("/lake/newest_event_time").asText()).toEpochMilli() / 1000.0);
    assertThat(value(samples, "lakehouse_gold_partitions_stale", "table", "user_features"))
        .isEqualTo(metrics.at("/lake/gold_partitions_stale/user_features").asDouble());

    // Bronze: records and files by outcome, rejected files by reason.
    JsonNode bronze = report.at("/layers/bronze");
    assertThat(layerValue(samples, "lakehouse_records_in_total", "bronze"))
        .isEqualTo(bronze.get("rows_read").asDouble());
    assertThat(
            layerValue(samples, "lakehouse_landing_files_total", "bronze", "outcome", "ingested"))
        .isEqualTo(bronze.get("files_ingested").asDouble());
    assertThat(
            layerValue(samples, "lakehouse_landing_files_total", "bronze", "outcome", "rejected"))
        .isEqualTo(bronze.get("files_rejected").size());
    assertThat(
            layerValue(
                samples, "lakehouse_rejected_files_total", "bronze", "reason", "corrupt_file"))
        .isEqualTo(1.0);

    // Silver: records by outcome and quarantined records by reason.
    JsonNode silver = report.at("/layers/silver");
    assertThat(layerValue(samples, "lakehouse_records_in_total", "silver"))
        .isEqualTo(silver.get("rows_read").asDouble());
    assertThat(layerValue(samples, "lakehouse_records_out_total", "silver", "outcome", "accepted"))
        .isEqualTo(silver.get("rows_accepted").asDouble());
    assertThat(
            layerValue(samples, "lakehouse_records_out_total", "silver", "outcome", "quarantined"))
        .isEqualTo(silver.get("records_quarantined").asDouble());
    assertThat(layerValue(samples, "lakehouse_records_out_total", "silver", "outcome", "duplicate"))
        .isEqualTo(silver.get("duplicates_dropped").asDouble());
    Map<String, Double> byReason = new TreeMap<>();
    silver
        .get("rows_quarantined")
        .fields()
        .forEachRemaining(reason -> byReason.put(reason.getKey(), reason.getValue().asDouble()));
    byReason.forEach(
        (reason, rows) ->
            assertThat(
                    layerValue(
                        samples, "lakehouse_quarantined_records_total", "silver", "reason", reason))
                .as(reason)
                .isEqualTo(rows));
    // Arrival: records by days late, the last bucket 3 days and more, and the latency's quantiles.
    JsonNode daysLate = silver.at("/arrival_latency/days_late");
    long threeAndMore = 0;
    for (Iterator<Map.Entry<String, JsonNode>> days = daysLate.fields(); days.hasNext(); ) {
      Map.Entry<String, JsonNode> bucket = days.next();
      if (!List.of("0", "1", "2").contains(bucket.getKey())) {
        threeAndMore += bucket.getValue().asLong();
      }
    }
    for (String days : List.of("0", "1", "2")) {
      assertThat(
              layerValue(samples, "lakehouse_arrival_records_total", "silver", "days_late", days))
          .isEqualTo(daysLate.get(days).asDouble());
    }
    assertThat(layerValue(samples, "lakehouse_arrival_records_total", "silver", "days_late", "3+"))
        .isEqualTo((double) threeAndMore);
    assertThat(
            layerValue(samples, "lakehouse_arrival_latency_seconds", "silver", "quantile", "0.99"))
        .isEqualTo(silver.at("/arrival_latency/seconds/p99").asDouble());
    assertThat(value(samples, "lakehouse_recommended_allowed_lateness_days", "command", "run"))
        .isEqualTo(metrics.at("/lake/lateness_recommendation/recommended_days").asDouble());

    // Gold: partitions promoted per table.
    report
        .at("/layers/gold/partitions_promoted")
        .fields()
        .forEachRemaining(
            table ->
                assertThat(
                        layerValue(
                            samples,
                            "lakehouse_gold_partitions_promoted_total",
                            "gold",
                            "table",
                            table.getKey()))
                    .isEqualTo(table.getValue().size()));

    // Publish: keys written and kept.
    if (layers.contains("publish")) {
      JsonNode online = report.at("/layers/online");
      assertThat(layerValue(samples, "lakehouse_records_in_total", "publish"))
          .isEqualTo(online.get("rows_read").asDouble());
      assertThat(
              layerValue(samples, "lakehouse_records_out_total", "publish", "outcome", "written"))
          .isEqualTo(online.get("keys_written").asDouble());
    }

    // Every layer: its duration, its cost as the report's cost object has it, each commit's time.
    for (String layer : layers) {
      JsonNode cost = report.at("/cost/layers/" + layer);
      assertThat(layerValue(samples, "lakehouse_layer_duration_seconds", layer))
          .as(layer)
          .isPositive();
      assertThat(layerValue(samples, "lakehouse_read_bytes_total", layer))
          .as(layer)
          .isEqualTo(cost.at("/read/bytes").asDouble());
      assertThat(layerValue(samples, "lakehouse_written_files_total", layer))
          .as(layer)
          .isEqualTo(cost.at("/written/files").asDouble());
      assertThat(layerValue(samples, "lakehouse_delta_commits_total", layer))
          .as(layer)
          .isEqualTo(cost.get("delta_commits").asDouble())
          .isEqualTo(layerValue(samples, "lakehouse_delta_commit_duration_seconds_count", layer));
      if (cost.get("delta_commits").asLong() > 0) {
        assertThat(layerValue(samples, "lakehouse_delta_commit_duration_seconds_sum", layer))
            .as(layer)
            .isPositive();
      }
    }
  }

  private static double value(List<Sample> samples, String name, String... labels) {
    String[] all = new String[labels.length + 2];
    all[0] = "job";
    all[1] = JOB;
    System.arraycopy(labels, 0, all, 2, labels.length);
    Optional<Double> value = PushgatewayServer.value(samples, name, all);
    assertThat(value).as(name + " " + List.of(labels)).isPresent();
    return value.orElseThrow();
  }

  private static double layerValue(
      List<Sample> samples, String name, String layer, String... more) {
    String[] labels = new String[more.length + 2];
    labels[0] = "layer";
    labels[1] = layer;
    System.arraycopy(more, 0, labels, 2, more.length);
    return value(samples, name, labels);
  }

  /** The groups the Pushgateway holds, by their label other than job. */
  private static Set<String> groups(List<Sample> samples) {
    Set<String> groups = new TreeSet<>();
    for (Sample sample : samples) {
      if (sample.name().startsWith("push_")) {
        continue;
      }
      groups.add(
          sample.labels().containsKey("layer")
              ? "layer=" + sample.labels().get("layer")
              : "command=" + sample.labels().get("command"));
    }
    return groups;
  }

  private JsonNode report(String runId) throws IOException {
    return RunReportWriter.parse(Files.readString(lake.resolve("_runs/" + runId + ".json")));
  }
}
