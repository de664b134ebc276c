package lakehouse.shared.metrics;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what stretches of a command's work (its layers) read and wrote, from Spark's own
 * metrics, without the work knowing: {@link #begin} tags every Spark job and SQL execution the
 * calling thread starts until {@link Measurement#end}, and a listener adds up what the tagged work
 * read and wrote (see {@link IoListener}).
 *
 * <p>Spark delivers listener events asynchronously. So that a measurement holds every event of its
 * work, {@link Measurement#end} runs a marker, an SQL execution that starts no job, under a tag of
 * its own, and waits until the listener sees it: events reach a listener in the order they were
 * posted, and everything the work posted (its task ends, its write metrics) was posted before its
 * actions returned.
 *
 * <p>Measurements are per thread (Spark's job tags are): begin and end one on the thread that runs
 * the work. Measurements may nest; the inner work counts in both.
 */
public final class LayerIoCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LayerIoCollector.class);
  private static final String TAG_PREFIX = "lakehouse.measure=";
  private static final String MARKER_PREFIX = "lakehouse.measure-end=";
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

  private final SparkSession spark;
  private final IoListener listener;
  private final AtomicLong sequence = new AtomicLong();

  private LayerIoCollector(SparkSession spark) {
    this.spark = spark;
    this.listener = new IoListener(tag -> tag.startsWith(TAG_PREFIX), MARKER_PREFIX);
  }

  /** Starts listening to the session's Spark application; close to stop. */
  public static LayerIoCollector attach(SparkSession spark) {
    LayerIoCollector collector = new LayerIoCollector(spark);
    spark.sparkContext().addSparkListener(collector.listener);
    return collector;
  }

  /** Starts measuring the work this thread does until the measurement ends. */
  public Measurement begin(String name) {
    String tag = TAG_PREFIX + name + "#" + sequence.incrementAndGet();
    listener.open(tag);
    context().addJobTag(tag);
    return new Measurement(tag, System.nanoTime());
  }

  /** One stretch of measured work. */
  public final class Measurement {
    private final String tag;
    private final long startedNanos;

    private Measurement(String tag, long startedNanos) {
      this.tag = tag;
      this.startedNanos = startedNanos;
    }

    /** Stops tagging, waits until the listener has every event of the work, and returns it. */
    public LayerIo end() {
      long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
      context().removeJobTag(tag);
      drain();
      return listener.take(tag, durationMs);
    }
  }

  private void drain() {
    String marker = MARKER_PREFIX + UUID.randomUUID();
    var seen = listener.expect(marker);
    context().addJobTag(marker);
    try {
      // An empty local relation is collected on the driver: an SQL execution, no job.
      spark.emptyDataFrame().collectAsList();
      seen.get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn(
          "the Spark listener did not catch up within {}; the I/O figures may miss some events",
          DRAIN_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the marker of a measurement failed", e);
    } finally {
      context().removeJobTag(marker);
      listener.forget(marker);
    }
    long unnamed = listener.takeUnnamedUpdates();
    if (unnamed > 0) {
      LOG.warn(
          "{} write metrics were gone before they could be read; files written may be low",
          unnamed);
    }
  }

  private SparkContext context() {
    return spark.sparkContext();
  }

  @Override
  public void close() {
    context().removeSparkListener(listener);
  }
}
