package lakehouse.shared.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.LakeStorage;

/**
 * An exclusive lock named within a lake, held across a read-check-commit so that two promotions of
 * the same table run one after the other. On a local lake it is an OS file lock on {@code
 * <lake>/_locks/<name>.lock}: Delta's log store for local disks only makes commits exclusive within
 * one JVM, and this lock also covers other JVMs on the machine. On object stores and HDFS no lock
 * is taken: a file lock there would not be seen from other machines. Delta's optimistic conflict
 * detection still keeps a commit whole (callers retry on its conflict exceptions), and the lake's
 * {@link LakeWriterLease} keeps other applications of this lakehouse out.
 *
 * <p>OS file locks belong to a process, not a thread, and on Linux closing any descriptor of the
 * file drops every lock the process holds on it. So threads of one JVM first queue on a JVM-wide
 * semaphore per lock file, and only the thread that owns it opens, locks and closes the file.
 */
public final class LakeLock implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * One entry per lock file ever used in this JVM: mirrors the process-wide nature of file locks.
   */
  private static final ConcurrentMap<Path, Holder> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Holder jvmHolder;
  private final FileChannel channel;
  private final FileLock lock;

  private LakeLock(Holder jvmHolder, FileChannel channel, FileLock lock) {
    this.jvmHolder = jvmHolder;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Waits up to the timeout for the lock.
   *
   * @param holder who takes it (a run id), written into the lock file so that a waiter can say who
   *     holds it
   * @throws LockTimeoutException if it is still held by someone else after the timeout
   */
  public static LakeLock acquire(LakeLayout lake, String name, String holder, Duration timeout) {
    Path file = localLockFile(lake, name);
    if (file == null) {
      return new LakeLock(null, null, null);
    }
    Instant deadline = Instant.now().plus(timeout);
    Holder jvm = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Holder());
    try {
      if (!jvm.permit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new LockTimeoutException(
            name, file.toString(), jvm.description + " in this JVM", timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockTimeoutException(
          name, file.toString(), "someone (interrupted while waiting)", timeout);
    }
    String description =
        holder + " (pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + ")";
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      while ((lock = channel.tryLock()) == null) {
        if (Instant.now().isAfter(deadline)) {
          throw new LockTimeoutException(name, file.toString(), currentHolder(channel), timeout);
        }
        Thread.sleep(POLL.toMillis());
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(description.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      jvm.description = description;
      return new LakeLock(jvm, channel, lock);
    } catch (IOException | RuntimeException | InterruptedException e) {
      closeQuietly(channel);
      jvm.permit.release();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new LockTimeoutException(
            name, file.toString(), "someone (interrupted while waiting)", timeout);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot take the lock file " + file, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Whether a lock is really held (false on object stores and HDFS, where none is taken). */
  public boolean isHeld() {
    return lock != null;
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release a lake lock", e);
    } finally {
      jvmHolder.description = "nobody";
      jvmHolder.permit.release();
    }
  }

  /**
   * The lock file of a local lake, or null for lakes whose storage other machines share (see {@link
   * LakeStorage}).
   */
  static Path localLockFile(LakeLayout lake, String name) {
    if (!LakeStorage.of(lake.root()).takesFileLock()) {
      return null;
    }
    return LakeStorage.localPath(lake.root()).resolve("_locks").resolve(name + ".lock");
  }

  /**
   * Reads the holder through our own descriptor: opening another one and closing it would drop
   * locks.
   */
  private static String currentHolder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(512);
      int read = channel.read(buffer, 0);
      String holder =
          read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).trim();
      return holder.isEmpty() ? "another process" : holder;
    } catch (IOException e) {
      return "another process (" + e.getMessage() + ")";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        // The failure being reported is the one that matters; closing releases nothing we hold.
      }
    }
  }

  /** This JVM's turn-taking for one lock file. */
  private static final class Holder {
    final Semaphore permit = new Semaphore(1, true);
    volatile String description = "nobody";
  }
}
