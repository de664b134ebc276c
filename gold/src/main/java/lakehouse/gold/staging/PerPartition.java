package lakehouse.gold.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the same work for each partition, several partitions at once. Staging or checking a small
 * partition is one short Spark job of one or a few tasks; run in turn, a batch of them leaves most
 * of a cluster's cores idle while each job starts and commits. Spark runs jobs submitted from
 * several threads side by side.
 *
 * <p>Results come back in the order of the inputs. Every partition's work is finished before this
 * returns or throws, so nothing of the run is still writing afterwards; a failure is reported for
 * the first failing partition in input order, whatever finished first.
 */
final class PerPartition {
  /** More concurrent jobs than this only add driver contention. */
  static final int MAX_PARALLELISM = 8;

  private PerPartition() {}

  static <T, R> List<R> map(List<T> inputs, int parallelism, Function<T, R> work) {
    int threads = Math.max(1, Math.min(Math.min(parallelism, MAX_PARALLELISM), inputs.size()));
    if (threads == 1) {
      return inputs.stream().map(work).toList();
    }
    AtomicInteger number = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "gold-partition-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T input : inputs) {
        futures.add(pool.submit(() -> work.apply(input)));
      }
      List<R> results = new ArrayList<>();
      Throwable firstFailure = null;
      for (Future<R> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          firstFailure = firstFailure == null ? e.getCause() : firstFailure;
        }
      }
      if (firstFailure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (firstFailure instanceof Error error) {
        throw error;
      }
      if (firstFailure != null) {
        // Spark can throw checked exceptions undeclared (from Scala); keep them as the cause.
        throw new IllegalStateException(firstFailure.toString(), firstFailure);
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while working on partitions", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
