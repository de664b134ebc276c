package lakehouse.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3 API server on a free loopback port: S3Proxy (the build copies its jar to
 * cli/target/s3proxy) with its filesystem back end, one bucket being one folder. Credentials are
 * made up per server, so a test can look for them in everything a run leaves.
 */
final class S3ProxyServer implements AutoCloseable {
  private static final Path JAR =
      LakehouseProcess.PROJECT.resolve("cli/target/s3proxy/s3proxy.jar");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path directory;
  private final int port;
  private final String bucket;
  private final String accessKey;
  private final String secretKey;

  private S3ProxyServer(
      Process process,
      Path directory,
      int port,
      String bucket,
      String accessKey,
      String secretKey) {
    this.process = process;
    this.directory = directory;
    this.port = port;
    this.bucket = bucket;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Starts the server with one empty bucket and waits until it answers. */
  static S3ProxyServer start(Path directory, String bucket)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: it is copied in the pre-integration-test phase (mvn verify)");
    }
    Path data = Files.createDirectories(directory.resolve("data"));
    Files.createDirectories(data.resolve(bucket));
    int port = freePort();
    String accessKey = "AKIT" + randomHex(8).toUpperCase();
    String secretKey = "it-secret-" + randomHex(16);
    Path properties = directory.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + accessKey,
            "s3proxy.credential=" + secretKey,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data,
            ""));
    return launch(directory, port, bucket, accessKey, secretKey);
  }

  private static S3ProxyServer launch(
      Path directory, int port, String bucket, String accessKey, String secretKey)
      throws IOException, InterruptedException {
    Path properties = directory.resolve("s3proxy.properties");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java, "-Xmx512m", "-jar", JAR.toString(), "--properties", properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(directory.resolve("s3proxy.log").toFile()))
            .start();
    S3ProxyServer server =
        new S3ProxyServer(process, directory, port, bucket, accessKey, secretKey);
    server.awaitListening();
    return server;
  }

  /** The folder that holds the bucket's objects, one file per object under its key. */
  Path bucketDirectory() {
    return directory.resolve("data").resolve(bucket);
  }

  String uri(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  String accessKey() {
    return accessKey;
  }

  String secretKey() {
    return secretKey;
  }

  /** What a user exports before running scripts/lakehouse against this server. */
  Map<String, String> credentialsEnvironment() {
    return Map.of("AWS_ACCESS_KEY_ID", accessKey, "AWS_SECRET_ACCESS_KEY", secretKey);
  }

  /**
   * A configuration file for this server as a user would write it: the project's S3 example
   * (Delta's S3 log store, credentials from the environment) plus the endpoint of an S3-compatible
   * server.
   */
  Path confFile() throws IOException {
    Path example = LakehouseProcess.PROJECT.resolve("conf/s3.conf.example");
    return Files.writeString(
        directory.resolve("s3proxy-lake.conf"),
        String.join(
            "\n",
            "include file(\"" + example + "\")",
            "lakehouse.spark {",
            "  \"spark.hadoop.fs.s3a.endpoint\" = \"http://127.0.0.1:" + port + "\"",
            "  \"spark.hadoop.fs.s3a.path.style.access\" = \"true\"",
            "  \"spark.hadoop.fs.s3a.connection.ssl.enabled\" = \"false\"",
            "  # test days are tiny: fewer, bigger files",
            "  \"spark.sql.shuffle.partitions\" = \"2\"",
            "}",
            ""));
  }

  /** Points a Hadoop configuration (the test JVM's) at this server, credentials included. */
  void configure(Configuration hadoop) {
    hadoop.set("fs.s3a.endpoint", "http://127.0.0.1:" + port);
    hadoop.set("fs.s3a.path.style.access", "true");
    hadoop.set("fs.s3a.connection.ssl.enabled", "false");
    hadoop.set("fs.s3a.access.key", accessKey);
    hadoop.set("fs.s3a.secret.key", secretKey);
    hadoop.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
  }

  /**
   * Stops the server, forcibly if it has not stopped within 30 seconds. Interrupted while waiting,
   * it kills the server at once and returns with the thread's interrupt flag set.
   */
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

  private void awaitListening() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited with "
                + process.exitValue()
                + ": "
                + Files.readString(directory.resolve("s3proxy.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    close();
    throw new IllegalStateException(
        "S3Proxy did not listen on port "
            + port
            + " within "
            + START_TIMEOUT
            + ": "
            + Files.readString(directory.resolve("s3proxy.log")));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
