package lakehouse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import lakehouse.shared.config.WriterLeaseSettings;
import lakehouse.shared.io.LakeFiles;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer lease on a Hadoop file system (here the local one; the S3 integration test runs it
 * against a real S3 API server and a second application).
 */
class LakeWriterLeaseTest {
  private static final Configuration HADOOP = new Configuration();
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path root;
  private LakeLayout lake;
  private final List<String> waits = new CopyOnWriteArrayList<>();
  private final List<String> losses = new CopyOnWriteArrayList<>();
  private final LakeWriterLease.Listener listener =
      new LakeWriterLease.Listener() {
        @Override
        public void waiting(String heldBy, Duration upTo) {
          waits.add(heldBy);
        }

        @Override
        public void lost(String reason) {
          losses.add(reason);
        }
      };

  @BeforeEach
  void lake() {
    lake = new LakeLayout(root.toString());
  }

  @Test
  void aSecondWriterWaitsThenRefusesNamingTheHolder() {
    try (LakeWriterLease first = acquire("run-first", waitFor(Duration.ofMillis(600)))) {
      long started = System.nanoTime();
      LakeWriterBusyException refused =
          catchThrowableOfType(
              LakeWriterBusyException.class,
              () -> acquire("run-second", waitFor(Duration.ofMillis(600))));
      assertThat(System.nanoTime() - started)
          .as("it waited first")
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(600));
      assertThat(refused).hasMessageContaining("run-first");
      assertThat(refused.heldBy()).startsWith("run-first");
      assertThat(waits).hasSize(1);
      assertThat(first.isHeld()).isTrue();
    }
  }

  @Test
  void aReleasedLeaseIsGoneAndTheNextWriterTakesItAtOnce() {
    acquire("run-first", waitFor(Duration.ZERO)).close();
    assertThat(root.resolve(LakeWriterLease.RELATIVE_PATH)).doesNotExist();
    try (LakeWriterLease second = acquire("run-second", waitFor(Duration.ZERO))) {
      assertThat(second.holder()).startsWith("run-second");
      assertThat(waits).isEmpty();
    }
  }

  @Test
  void aWaitingWriterGoesOnWhenTheHolderFinishes() throws Exception {
    LakeWriterLease first = acquire("run-first", waitFor(Duration.ZERO));
    CompletableFuture<Void> release =
        CompletableFuture.runAsync(
            () -> {
              sleep(Duration.ofMillis(800));
              first.close();
            });
    try (LakeWriterLease second = acquire("run-second", waitFor(Duration.ofSeconds(20)))) {
      assertThat(release.isDone())
          .as("the second writer started only after the first released the lease")
          .isTrue();
      assertThat(waits).hasSize(1);
      assertThat(waits.get(0)).startsWith("run-first");
      assertThat(second.isHeld()).isTrue();
    }
  }

  @Test
  void theLeaseOfAWriterThatDiedIsTakenOnceExpired() throws Exception {
    Instant past = CLOCK.instant().minusSeconds(5);
    writeLease(
        new LeaseRecord("dead-token", "run-dead", "elsewhere", 1, past.minusSeconds(60), past));
    try (LakeWriterLease taken = acquire("run-next", waitFor(Duration.ZERO))) {
      assertThat(taken.holder()).startsWith("run-next");
      assertThat(waits).as("an expired lease is not waited for").isEmpty();
    }
  }

  @Test
  void s3StoppedMidRunTheRetryTakesTheLeaseOfTheDeadWriterOnThisHostAtOnce() throws Exception {
    // A run whose object store stopped mid-run fails without removing its lease; its process has
    // exited when the retry starts on the same machine.
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Instant now = CLOCK.instant();
    String thisHost = java.net.InetAddress.getLocalHost().getHostName();
    writeLease(
        new LeaseRecord(
            "failed-token", "run-failed", thisHost, dead.pid(), now, now.plusSeconds(120)));
    try (LakeWriterLease taken = acquire("run-failed", waitFor(Duration.ofSeconds(20)))) {
      assertThat(taken.holder()).startsWith("run-failed");
      assertThat(waits).as("the lease of a process that is gone is not waited for").isEmpty();
    }
  }

  @Test
  void aLiveHoldersOrAnotherHostsUnexpiredLeaseIsStillWaitedFor() throws Exception {
    Instant now = CLOCK.instant();
    String thisHost = java.net.InetAddress.getLocalHost().getHostName();
    long alive = ProcessHandle.current().parent().orElseThrow().pid();
    for (LeaseRecord held :
        List.of(
            new LeaseRecord("live-token", "run-live", thisHost, alive, now, now.plusSeconds(60)),
            new LeaseRecord("far-token", "run-far", "elsewhere", 1, now, now.plusSeconds(60)))) {
      writeLease(held);
      assertThat(
              catchThrowableOfType(
                  LakeWriterBusyException.class,
                  () -> acquire("run-next", waitFor(Duration.ofMillis(100)))))
          .hasMessageContaining(held.holder());
    }
  }

  @Test
  void aHolderWhoseLeaseWasTakenIsToldItLostIt() throws Exception {
    LakeWriterLease first = acquire("run-first", waitFor(Duration.ZERO));
    Instant now = CLOCK.instant();
    writeLease(
        new LeaseRecord("other-token", "run-intruder", "elsewhere", 2, now, now.plusSeconds(60)));
    first.renew();
    assertThat(first.isHeld()).isFalse();
    assertThat(losses).hasSize(1);
    assertThat(losses.get(0)).contains("run-intruder");
    first.close();
    assertThat(root.resolve(LakeWriterLease.RELATIVE_PATH))
        .as("a lost lease is not removed: it is not ours")
        .exists();
  }

  @Test
  void renewalMovesTheExpiryForward() throws Exception {
    try (LakeWriterLease lease = acquire("run-first", waitFor(Duration.ZERO))) {
      Instant before =
          LeaseRecord.parse(Files.readAllBytes(root.resolve(LakeWriterLease.RELATIVE_PATH)))
              .expiresAt();
      sleep(Duration.ofMillis(20));
      lease.renew();
      Instant after =
          LeaseRecord.parse(Files.readAllBytes(root.resolve(LakeWriterLease.RELATIVE_PATH)))
              .expiresAt();
      assertThat(after).as(before + " -> " + after).isAfter(before);
      assertThat(lease.isHeld()).isTrue();
    }
  }

  /** Another application's lease, written the way the lease writes its own. */
  private void writeLease(LeaseRecord record) throws Exception {
    LakeFiles.writeAtomically(lake.resolve(LakeWriterLease.RELATIVE_PATH), record.toJson(), HADOOP);
  }

  private LakeWriterLease acquire(String holder, WriterLeaseSettings settings) {
    return LakeWriterLease.acquire(lake, HADOOP, settings, holder, CLOCK, listener);
  }

  private static WriterLeaseSettings waitFor(Duration wait) {
    return new WriterLeaseSettings(true, Duration.ofSeconds(30), wait, Duration.ofMillis(50));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
