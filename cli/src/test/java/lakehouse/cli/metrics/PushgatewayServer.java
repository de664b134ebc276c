package lakehouse.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Pushgateway on a free loopback port: {@code prometheus-pushgateway} (Debian's
 * package) started as a child process that persists nothing. Without it on PATH the tests fail,
 * saying how to install it; they never skip.
 */
public final class PushgatewayServer implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  private static final String PROGRAM = "prometheus-pushgateway";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private PushgatewayServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  public static PushgatewayServer start(Path directory) throws IOException, InterruptedException {
    Path executable = onPath(PROGRAM);
    int port = freePort();
    Path log = directory.resolve("pushgateway.log");
    Process process =
        // Debian's build persists to a shared file by default: an empty one persists nothing.
        new ProcessBuilder(
                executable.toString(),
                "--web.listen-address=" + HOST + ":" + port,
                "--persistence.file=")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PushgatewayServer server = new PushgatewayServer(process, log, port);
    server.awaitReady();
    return server;
  }

  /** {@code host:port}, as {@code lakehouse.metrics.pushgateway} takes it. */
  public String address() {
    return HOST + ":" + port;
  }

  /**
   * Every sample the Pushgateway holds, read back over its HTTP API ({@code /api/v1/metrics}): one
   * per series, histograms as their count and sum.
   */
  public List<Sample> samples() throws IOException, InterruptedException {
    JsonNode body = JSON.readTree(get("/api/v1/metrics"));
    List<Sample> samples = new ArrayList<>();
    for (JsonNode group : body.path("data")) {
      group
          .fields()
          .forEachRemaining(
              family -> {
                if (family.getKey().equals("labels")) {
                  return;
                }
                for (JsonNode metric : family.getValue().path("metrics")) {
                  Map<String, String> labels = new TreeMap<>();
                  metric
                      .path("labels")
                      .fields()
                      .forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
                  if (metric.has("value")) {
                    samples.add(
                        new Sample(family.getKey(), labels, metric.get("value").asDouble()));
                  } else {
                    samples.add(
                        new Sample(
                            family.getKey() + "_count", labels, metric.get("count").asDouble()));
                    samples.add(
                        new Sample(family.getKey() + "_sum", labels, metric.get("sum").asDouble()));
                  }
                }
              });
    }
    return samples;
  }

  /** One series' value. */
  public record Sample(String name, Map<String, String> labels, double value) {
    boolean has(String label, String labelValue) {
      return labelValue.equals(labels.get(label));
    }
  }

  /** The value of the one series of the name with the labels given (pairs), if any. */
  public static Optional<Double> value(List<Sample> samples, String name, String... labels) {
    List<Sample> matching = new ArrayList<>();
    outer:
    for (Sample sample : samples) {
      if (!sample.name().equals(name)) {
        continue;
      }
      for (int i = 0; i < labels.length; i += 2) {
        if (!sample.has(labels[i], labels[i + 1])) {
          continue outer;
        }
      }
      matching.add(sample);
    }
    if (matching.size() > 1) {
      throw new IllegalStateException(
          name + " has several series for " + List.of(labels) + ": " + matching);
    }
    return matching.stream().findFirst().map(Sample::value);
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + address() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            PROGRAM + " exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try {
        get("/-/ready");
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException(
        PROGRAM
            + " did not answer on port "
            + port
            + " within "
            + START_TIMEOUT
            + ": "
            + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static Path onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        program
            + " is not on PATH; install it with: apt-get install -y prometheus prometheus-pushgateway");
  }
}
