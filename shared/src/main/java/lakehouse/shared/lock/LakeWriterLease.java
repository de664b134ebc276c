package lakehouse.shared.lock;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lakehouse.shared.config.WriterLeaseSettings;
import lakehouse.shared.io.LakeFiles;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Makes one application at a time the writer of a lake: the object {@code _locks/writer.lease}
 * names the holder and the time its lease ends, and the holder renews it from a daemon thread while
 * it runs. Delta's S3 log store is safe only for one writing application (two drivers can each
 * overwrite the other's commit file), and S3 offers no atomic create that Hadoop exposes, so the
 * lease is taken by writing it, waiting a settle time and reading it back: of two applications that
 * try at nearly the same moment, both read the one written last, and only its writer goes on.
 *
 * <p>A lease whose holder has died on this same host (its pid is no longer alive) is taken at once
 * rather than after its expiry, so a run retried on the machine where it failed goes on without
 * waiting; a holder elsewhere is waited for until its lease expires.
 *
 * <p>What it does not do: protect against applications that do not take it (other tools writing the
 * same tables), or against a holder paused for longer than the ttl (it then finds the lease taken
 * at its next renewal and reports it lost, but a commit already under way is not stopped). Several
 * writing clusters need Delta's multi-cluster log store instead (see README, "On S3").
 */
public final class LakeWriterLease implements AutoCloseable {
  public static final String RELATIVE_PATH = "_locks/writer.lease";
  private static final Duration POLL = Duration.ofSeconds(2);

  /** What the lease has to tell its holder while it waits and runs. */
  public interface Listener {
    /** The lease is held by someone else; the caller waits up to the given time. */
    void waiting(String heldBy, Duration upTo);

    /** The lease was taken by someone else or could not be renewed in time: stop writing. */
    void lost(String reason);
  }

  private final FileSystem fs;
  private final Path file;
  private final WriterLeaseSettings settings;
  private final Clock clock;
  private final Listener listener;
  private final ScheduledExecutorService renewer;
  private LeaseRecord held;
  private boolean lost;
  private boolean closed;

  private LakeWriterLease(
      FileSystem fs,
      Path file,
      LeaseRecord held,
      WriterLeaseSettings settings,
      Clock clock,
      Listener listener) {
    this.fs = fs;
    this.file = file;
    this.held = held;
    this.settings = settings;
    this.clock = clock;
    this.listener = listener;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "lake-writer-lease");
              thread.setDaemon(true);
              return thread;
            });
    long every = settings.renewEvery().toMillis();
    // Renewal runs until close() shuts the executor down; renew() handles its own failures.
    var unused = renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lake's writer lease, waiting up to {@code settings.maxWait()} while someone else
   * holds it.
   *
   * @param holder who takes it (a run id), for the messages of those who wait
   * @throws LakeWriterBusyException if someone else still holds it after the wait
   */
  public static LakeWriterLease acquire(
      LakeLayout lake,
      Configuration hadoop,
      WriterLeaseSettings settings,
      String holder,
      Clock clock,
      Listener listener) {
    Path file = new Path(lake.resolve(RELATIVE_PATH));
    String token = UUID.randomUUID().toString();
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      Instant deadline = clock.instant().plus(settings.maxWait());
      boolean announced = false;
      while (true) {
        Optional<LeaseRecord> current = read(fs, file);
        Instant now = clock.instant();
        if (current.isEmpty()
            || current.get().isExpiredAt(now)
            || current.get().holderIsGone(host(), ProcessHandle.current().pid())) {
          LeaseRecord mine =
              new LeaseRecord(
                  token,
                  holder,
                  host(),
                  ProcessHandle.current().pid(),
                  now,
                  now.plus(settings.ttl()));
          LakeFiles.writeAtomically(file.toString(), mine.toJson(), hadoop);
          sleep(settings.settle());
          Optional<LeaseRecord> after = read(fs, file);
          if (after.isPresent() && after.get().token().equals(token)) {
            return new LakeWriterLease(fs, file, after.get(), settings, clock, listener);
          }
          continue; // another writer wrote last: its lease is read at the top and waited for
        }
        if (!now.isBefore(deadline)) {
          throw new LakeWriterBusyException(
              lake.root(), current.get().describe(), settings.maxWait());
        }
        if (!announced) {
          listener.waiting(current.get().describe(), settings.maxWait());
          announced = true;
        }
        Duration left = Duration.between(now, deadline);
        sleep(left.compareTo(POLL) < 0 ? left : POLL);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the writer lease " + file, e);
    }
  }

  /** Who holds this lease, as it is written in the lease. */
  public synchronized String holder() {
    return held.describe();
  }

  /** Whether the lease is still this holder's: false once it was lost. */
  public synchronized boolean isHeld() {
    return !lost && !closed;
  }

  /**
   * Renews the lease if it is still ours; reports it lost if another writer has it or it lapsed.
   */
  synchronized void renew() {
    if (lost || closed) {
      return;
    }
    try {
      Optional<LeaseRecord> current = read(fs, file);
      if (current.isEmpty() || !current.get().token().equals(held.token())) {
        lose(
            "the writer lease "
                + file
                + " is now "
                + current.map(r -> "held by " + r.describe()).orElse("gone"));
        return;
      }
      LeaseRecord renewed = held.renewedUntil(clock.instant().plus(settings.ttl()));
      LakeFiles.writeAtomically(file.toString(), renewed.toJson(), fs.getConf());
      held = renewed;
    } catch (IOException | RuntimeException e) {
      // One failed renewal is not yet a lost lease: the next one may succeed before it lapses.
      if (held.isExpiredAt(clock.instant())) {
        lose(
            "the writer lease "
                + file
                + " lapsed at "
                + held.expiresAt()
                + ": could not renew it ("
                + e
                + ")");
      }
    }
  }

  private void lose(String reason) {
    lost = true;
    listener.lost(reason);
  }

  /**
   * Stops renewing and removes the lease if it is still ours, so the next writer need not wait for
   * it to expire.
   */
  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      renewer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (lost) {
        return;
      }
      try {
        Optional<LeaseRecord> current = read(fs, file);
        if (current.isPresent() && current.get().token().equals(held.token())) {
          fs.delete(file, false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot release the writer lease "
                + file
                + "; it expires by itself at "
                + held.expiresAt(),
            e);
      }
    }
  }

  /**
   * The lease in the file; empty if there is none or it cannot be read as one (it then counts as
   * expired).
   */
  private static Optional<LeaseRecord> read(FileSystem fs, Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = fs.open(file)) {
      bytes = in.readAllBytes();
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(LeaseRecord.parse(bytes));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while taking the writer lease");
    }
  }
}
