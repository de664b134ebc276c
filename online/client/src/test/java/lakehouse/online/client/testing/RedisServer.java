package lakehouse.online.client.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A real Redis on a free loopback port: {@code redis-server} started as a child process that
 * persists nothing, for the tests of the online store. Without redis-server on PATH the tests fail,
 * saying how to install it; they never skip, so a machine without Redis cannot pass them unnoticed.
 */
public final class RedisServer implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;
  private final int port;
  private final Path directory;
  private final boolean persistent;

  private RedisServer(Process process, Path log, int port, Path directory, boolean persistent) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.directory = directory;
    this.persistent = persistent;
  }

  /**
   * Starts the server with its working folder (and log) in the directory and waits until it
   * answers.
   */
  public static RedisServer start(Path directory) throws IOException, InterruptedException {
    return start(directory, freePort(), false);
  }

  /**
   * Starts a server that keeps every write in its append-only file, synced at each write, so that a
   * server killed and {@link #restarted} holds exactly what it had acknowledged: what the online
   * store's tests of an outage look at.
   */
  public static RedisServer startPersistent(Path directory)
      throws IOException, InterruptedException {
    return start(directory, freePort(), true);
  }

  private static RedisServer start(Path directory, int port, boolean persistent)
      throws IOException, InterruptedException {
    Path executable = onPath("redis-server");
    Path log = directory.resolve("redis.log");
    Process process =
        new ProcessBuilder(
                executable.toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                HOST,
                "--save",
                "",
                "--appendonly",
                persistent ? "yes" : "no",
                "--appendfsync",
                "always",
                "--dir",
                directory.toString(),
                "--daemonize",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    RedisServer server = new RedisServer(process, log, port, directory, persistent);
    server.awaitAnswering();
    return server;
  }

  /** Kills the server at once (SIGKILL), as an outage would: no shutdown, no final save. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** A new server on the same port and folder, holding what a persistent one had acknowledged. */
  public RedisServer restarted() throws IOException, InterruptedException {
    return start(directory, port, persistent);
  }

  public int port() {
    return port;
  }

  /** A new connection for the test to look at what the store holds. */
  public Jedis connect() {
    return new Jedis(HOST, port);
  }

  /** Every key and its hash. */
  public Map<String, Map<String, String>> dump() {
    Map<String, Map<String, String>> hashes = new TreeMap<>();
    try (Jedis jedis = connect()) {
      for (String key : jedis.keys("*")) {
        hashes.put(key, new TreeMap<>(jedis.hgetAll(key)));
      }
    }
    return hashes;
  }

  public void flushAll() {
    try (Jedis jedis = connect()) {
      jedis.flushAll();
    }
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

  private void awaitAnswering() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "redis-server exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Jedis jedis = connect()) {
        if ("PONG".equals(jedis.ping())) {
          return;
        }
      } catch (JedisConnectionException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException(
        "redis-server did not answer on port "
            + port
            + " within "
            + START_TIMEOUT
            + ": "
            + Files.readString(log));
  }

  /** A loopback port that nothing listened on a moment ago. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Path onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, program);
      if (!folder.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        program
            + " is not on PATH: the online store tests need a real Redis. Install it "
            + "with `apt-get install -y redis-server`, or run the tests with scripts/test.sh, which does.");
  }
}
