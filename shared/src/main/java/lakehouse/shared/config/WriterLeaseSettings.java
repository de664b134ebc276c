package lakehouse.shared.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * The lease that makes one application at a time the writer of a lake on an object store.
 *
 * @param enabled false only where Delta's log store itself is safe for several writing clusters
 *     (S3DynamoDBLogStore)
 * @param ttl how long a lease lasts without renewal: a writer that dies blocks others this long
 * @param maxWait how long a second writer waits for the lease before it refuses to start
 * @param settle how long a writer waits after writing its lease before reading it back, so that a
 *     competitor who wrote at nearly the same moment is seen
 */
public record WriterLeaseSettings(boolean enabled, Duration ttl, Duration maxWait, Duration settle)
    implements Serializable {

  /**
   * Renewed three times per ttl, so that one slow or failed renewal does not let the lease lapse.
   */
  public Duration renewEvery() {
    return ttl.dividedBy(3);
  }
}
