package lakehouse.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server on a free loopback port for the attacked commands: S3Proxy (the build copies
 * its jar to chaos/target/s3proxy) with its file system back end, where each object is a file under
 * its key in the bucket's folder. So the reader and the comparison read the lake's tables from that
 * folder, without the server, while the attack stops it.
 */
public final class S3Server implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String ACCESS_KEY = "CHAOSACCESSKEY";
  private static final String SECRET_KEY = "chaos-secret-key";

  private final Path project;
  private final Path directory;
  private final String bucket;
  private final int port;
  private final Process process;

  private S3Server(Path project, Path directory, String bucket, int port, Process process) {
    this.project = project;
    this.directory = directory;
    this.bucket = bucket;
    this.port = port;
    this.process = process;
  }

  /** Starts a server with one empty bucket in the folder and waits until it answers. */
  public static S3Server start(Path project, Path directory, String bucket) throws IOException {
    Path data = Files.createDirectories(directory.resolve("data"));
    Files.createDirectories(data.resolve(bucket));
    int port = Attacks.freePort();
    Files.writeString(
        directory.resolve("s3proxy.properties"),
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data,
            ""));
    return launch(project, directory, bucket, port);
  }

  private static S3Server launch(Path project, Path directory, String bucket, int port)
      throws IOException {
    Path jar = project.resolve("chaos/target/s3proxy/s3proxy.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build with mvn -DskipTests package");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--properties",
                directory.resolve("s3proxy.properties").toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(directory.resolve("s3proxy.log").toFile()))
            .start();
    S3Server server = new S3Server(project, directory, bucket, port, process);
    server.awaitListening();
    return server;
  }

  /** Kills the server at once (SIGKILL), as an outage would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** A new server on the same port, folder and credentials: the store back after an outage. */
  public S3Server restarted() throws IOException {
    return launch(project, directory, bucket, port);
  }

  /** The s3a URI of a key of the bucket. */
  public String uri(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  /** The folder that holds the objects under a key prefix: a lake's folder, readable locally. */
  public Path folderOf(String key) {
    return directory.resolve("data").resolve(bucket).resolve(key);
  }

  /** What a user exports before running scripts/lakehouse against this server. */
  public Map<String, String> credentials() {
    return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
  }

  /**
   * A configuration file as a user would write it: the project's S3 example (Delta's S3 log store,
   * credentials from the environment) and the endpoint of an S3-compatible server.
   */
  public Path confFile() throws IOException {
    return Files.writeString(
        directory.resolve("s3-lake.conf"),
        String.join(
            "\n",
            "include file(\"" + project.resolve("conf/s3.conf.example") + "\")",
            "lakehouse.spark {",
            "  \"spark.hadoop.fs.s3a.endpoint\" = \"http://127.0.0.1:" + port + "\"",
            "  \"spark.hadoop.fs.s3a.path.style.access\" = \"true\"",
            "  \"spark.hadoop.fs.s3a.connection.ssl.enabled\" = \"false\"",
            "}",
            ""));
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

  private void awaitListening() throws IOException {
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
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        Attacks.sleep(250);
      }
    }
    close();
    throw new IllegalStateException(
        "S3Proxy did not listen on port " + port + " within " + START_TIMEOUT);
  }
}
