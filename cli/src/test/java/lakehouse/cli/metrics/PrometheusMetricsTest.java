package lakehouse.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

  @Test
  void aSucceededRunHasItsLastSuccessAndNoFailure() throws IOException {
    String text =
        text(
            PrometheusMetrics.runGroup(
                SampleRuns.night("succeeded", 0, "2026-11-22T03:00:00Z", 0)));

    assertThat(text)
        .contains("lakehouse_last_success_timestamp_seconds{command=\"run\"} 1.7953164E9")
        .contains("lakehouse_run_exit_status{command=\"run\"} 0.0")
        .contains("lakehouse_run_duration_seconds{command=\"run\"} 6.5")
        .contains("lakehouse_backlog_files{command=\"run\"} 2.0")
        .contains("lakehouse_gold_partitions_stale{command=\"run\",table=\"campaign_daily\"} 1.0")
        .contains("lakehouse_watermark_timestamp_seconds{command=\"run\"} 1.7950464E9")
        .contains("lakehouse_allowed_lateness_days{command=\"run\"} 2.0")
        .contains("lakehouse_recommended_allowed_lateness_days{command=\"run\"} 3.0")
        .doesNotContain("lakehouse_last_failure_timestamp_seconds")
        .as("the run group holds no layer's metric")
        .doesNotContain("layer=");
  }

  @Test
  void aFailedRunHasNoLastSuccessSoThePushgatewayKeepsThePreviousOne() throws IOException {
    String text =
        text(PrometheusMetrics.runGroup(SampleRuns.night("failed", 1, "2026-11-22T03:00:00Z", 0)));

    assertThat(text)
        .contains("lakehouse_last_failure_timestamp_seconds{command=\"run\"}")
        .contains("lakehouse_run_exit_status{command=\"run\"} 1.0")
        .doesNotContain("lakehouse_last_success_timestamp_seconds");
  }

  @Test
  void aLayerGroupHasItsCountsByOutcomeAndReasonUnderConventionalNames() throws IOException {
    RunMetrics night = SampleRuns.night("succeeded_with_rejections", 3, "2026-11-22T03:00:00Z", 1);
    String bronze = text(PrometheusMetrics.layerGroup(night.layers().get(0)));
    String silver = text(PrometheusMetrics.layerGroup(night.layers().get(1)));

    assertThat(bronze)
        .contains("lakehouse_records_in_total{layer=\"bronze\"} 1000")
        .contains("lakehouse_landing_files_total{layer=\"bronze\",outcome=\"rejected\"} 1")
        .contains("lakehouse_rejected_files_total{layer=\"bronze\",reason=\"corrupt_file\"} 1")
        .contains("lakehouse_rejected_files_total{layer=\"bronze\",reason=\"unknown_schema\"} 0")
        .contains("lakehouse_read_bytes_total{layer=\"bronze\"} 90000")
        .contains("lakehouse_written_files_total{layer=\"bronze\"} 4")
        .contains("lakehouse_delta_commits_total{layer=\"bronze\"} 1")
        .contains("lakehouse_delta_commit_duration_seconds_count{layer=\"bronze\"} 1")
        .contains("lakehouse_delta_commit_duration_seconds_sum{layer=\"bronze\"} 1.5")
        .contains("lakehouse_layer_duration_seconds{layer=\"bronze\"} 2.0")
        .contains("lakehouse_records_per_second{layer=\"bronze\"} 500.0");
    assertThat(silver)
        .contains("lakehouse_records_out_total{layer=\"silver\",outcome=\"accepted\"} 900")
        .contains("lakehouse_records_out_total{layer=\"silver\",outcome=\"quarantined\"} 60")
        .contains("lakehouse_records_out_total{layer=\"silver\",outcome=\"duplicate\"} 40")
        .contains("lakehouse_quarantined_records_total{layer=\"silver\",reason=\"too_late\"} 50")
        .contains("lakehouse_delta_commit_duration_seconds_count{layer=\"silver\"} 3")
        .contains("lakehouse_arrival_latency_seconds{layer=\"silver\",quantile=\"0.5\"} 40000.0")
        .contains("lakehouse_arrival_latency_seconds{layer=\"silver\",quantile=\"0.999\"} 250000.0")
        .contains("lakehouse_arrival_latency_max_seconds{layer=\"silver\"} 400000.0")
        .contains("lakehouse_arrival_records_total{days_late=\"0\",layer=\"silver\"} 700")
        .contains("lakehouse_arrival_records_total{days_late=\"3+\",layer=\"silver\"} 50")
        .doesNotContain("lakehouse_rejected_files_total");
    assertThat(bronze).doesNotContain("arrival");
  }

  @Test
  void everyNameFollowsThePrometheusConventions() throws IOException {
    String all =
        text(
            PrometheusMetrics.all(
                SampleRuns.night("succeeded_with_rejections", 3, "2026-11-22T03:00:00Z", 1)));

    assertThat(all.lines().filter(line -> line.startsWith("# TYPE ")))
        .isNotEmpty()
        .allSatisfy(
            line -> {
              String[] parts = line.split(" ");
              String name = parts[2];
              String type = parts[3];
              assertThat(name).startsWith("lakehouse_");
              if (type.equals("counter")) {
                assertThat(name).as("a counter").endsWith("_total");
              }
              if (name.contains("duration") || name.contains("timestamp")) {
                assertThat(name).endsWith("_seconds");
              }
            });
    assertThat(all.lines().filter(line -> line.contains("_bytes")))
        .allSatisfy(line -> assertThat(line).containsPattern("_bytes(_total)?[ {]"));
    assertThat(all).doesNotContain("run_id").doesNotContain("user_id");
  }

  private static String text(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.builder()
        .setIncludeCreatedTimestamps(false)
        .build()
        .write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    return out.toString(StandardCharsets.UTF_8);
  }
}
