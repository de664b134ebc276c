package lakehouse.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lakehouse.shared.config.LatenessRecommendationSettings;
import lakehouse.shared.config.MetricsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing to a real Pushgateway, and what happens when it cannot be reached. */
class MetricsExportTest {
  private static PushgatewayServer gateway;

  @TempDir static Path folder;

  @BeforeAll
  static void startGateway() throws Exception {
    gateway = PushgatewayServer.start(folder);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  @Test
  void aFailedNightKeepsThePreviousLastSuccessAndReplacesTheRest() throws Exception {
    MetricsSettings settings =
        new MetricsSettings(
            Optional.of(gateway.address()),
            Optional.empty(),
            "export-test",
            LatenessRecommendationSettings.DEFAULTS);
    List<String> warnings = new ArrayList<>();
    MetricsExport export = new MetricsExport(settings, warnings::add);

    ExportOutcome first =
        export.export(SampleRuns.night("succeeded_with_rejections", 3, "2026-11-22T03:00:00Z", 1));
    ExportOutcome second = export.export(SampleRuns.night("failed", 1, "2026-11-23T03:00:00Z", 0));

    assertThat(warnings).isEmpty();
    assertThat(first.groupsPushed())
        .containsExactly("command=run", "layer=bronze", "layer=silver", "layer=gold");
    assertThat(second.warnings()).isEmpty();
    List<PushgatewayServer.Sample> samples = gateway.samples();
    String[] run = {"job", "export-test", "command", "run"};
    assertThat(PushgatewayServer.value(samples, "lakehouse_last_success_timestamp_seconds", run))
        .as("the first night's success stays")
        .contains(1795316400.0);
    assertThat(PushgatewayServer.value(samples, "lakehouse_last_failure_timestamp_seconds", run))
        .contains(1795402800.0);
    assertThat(PushgatewayServer.value(samples, "lakehouse_run_exit_status", run)).contains(1.0);
    assertThat(
            PushgatewayServer.value(
                samples,
                "lakehouse_landing_files_total",
                "job",
                "export-test",
                "layer",
                "bronze",
                "outcome",
                "rejected"))
        .as("the second night's count replaced the first's")
        .contains(0.0);
  }

  @Test
  void anUnreachablePushgatewayIsAWarningAndTheTextfileIsStillWritten() throws Exception {
    Path textfile = folder.resolve("lakehouse.prom");
    MetricsSettings settings =
        new MetricsSettings(
            Optional.of("127.0.0.1:" + closedPort()),
            Optional.of(textfile.toString()),
            "nowhere",
            LatenessRecommendationSettings.DEFAULTS);
    List<String> warnings = new ArrayList<>();

    ExportOutcome outcome =
        new MetricsExport(settings, warnings::add)
            .export(SampleRuns.night("succeeded", 0, "2026-11-22T03:00:00Z", 0));

    assertThat(outcome.groupsPushed()).isEmpty();
    assertThat(outcome.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .startsWith("metrics not pushed to the Pushgateway http://127.0.0.1:")
                    .contains("(group command=run)")
                    .endsWith("; 3 more not pushed"));
    assertThat(warnings).isEqualTo(outcome.warnings());
    assertThat(Files.readString(textfile))
        .contains("lakehouse_last_success_timestamp_seconds{command=\"run\"}")
        .contains("lakehouse_records_in_total{layer=\"silver\"} 1000");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
