package lakehouse.online.publish;

import java.util.List;
import lakehouse.online.client.FeatureHash;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The writes of one connection: each user's hash replaced by {@link ReplaceUnlessNewer}, run by
 * EVALSHA of the script loaded once on this connection, pipelined with a bounded window. At most
 * {@code window} scripts are sent and not yet answered; when the window is full the oldest {@code
 * answersPerRead} answers are read in one go. So Redis always has queued scripts to run while the
 * writer reads answers and builds the next commands (a pipeline that waits for every batch's last
 * answer before sending the next leaves Redis idle meanwhile), and both sides hold at most one
 * window of commands and answers.
 *
 * <p>Not thread-safe: one writer (one Spark task) per instance.
 */
final class ReplacementPipeline {
  /** Scripts sent and not yet answered, at most. */
  static final int WINDOW = 2_000;

  /** Answers read at a time once the window is full: one flush and one read loop each. */
  static final int ANSWERS_PER_READ = 500;

  private final Connection connection;
  private final String script;
  private final long ttlMillis;
  private final int window;
  private final int answersPerRead;
  private int unanswered;
  private long keysWritten;
  private long keysKeptNewer;

  ReplacementPipeline(Jedis jedis, long ttlMillis) {
    this(jedis, ttlMillis, WINDOW, ANSWERS_PER_READ);
  }

  ReplacementPipeline(Jedis jedis, long ttlMillis, int window, int answersPerRead) {
    if (answersPerRead < 1 || answersPerRead > window) {
      throw new IllegalArgumentException(
          "answers per read must be 1 to the window (" + window + "), got " + answersPerRead);
    }
    // Loaded on this connection rather than trusted from the driver: the executor may reach
    // another server of the same address (a failover), whose script cache is its own.
    this.script = jedis.scriptLoad(ReplaceUnlessNewer.SOURCE);
    this.connection = jedis.getConnection();
    this.ttlMillis = ttlMillis;
    this.window = window;
    this.answersPerRead = answersPerRead;
  }

  /** Sends the replacement of one user's hash; reads earlier answers when the window is full. */
  void replace(FeatureHash hash) {
    connection.sendCommand(ReplaceUnlessNewer.evalsha(script, hash, ttlMillis));
    unanswered++;
    if (unanswered >= window) {
      read(answersPerRead);
    }
  }

  /** Reads every outstanding answer: afterwards every replacement sent is done and counted. */
  void finish() {
    read(unanswered);
  }

  long keysWritten() {
    return keysWritten;
  }

  long keysKeptNewer() {
    return keysKeptNewer;
  }

  private void read(int answers) {
    if (answers == 0) {
      return;
    }
    List<Object> replies = connection.getMany(answers);
    unanswered -= answers;
    for (Object reply : replies) {
      if (reply instanceof JedisDataException failure) {
        // A script error (NOSCRIPT after a failover, OOM): the task fails and Spark retries it,
        // which loads the script again and writes the partition's users again, to the same end.
        throw failure;
      }
      if (Long.valueOf(ReplaceUnlessNewer.REPLACED).equals(reply)) {
        keysWritten++;
      } else if (Long.valueOf(ReplaceUnlessNewer.KEPT_NEWER).equals(reply)) {
        keysKeptNewer++;
      } else {
        throw new IllegalStateException("unexpected answer of the replace script: " + reply);
      }
    }
  }
}
