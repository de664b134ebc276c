package lakehouse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lakehouse.shared.lake.LakeLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeLockTest {
  @TempDir Path root;

  @Test
  void lakesOnObjectStoresTakeNoFileLock() {
    try (LakeLock lock =
        LakeLock.acquire(
            new LakeLayout("s3a://bucket/lake"),
            "campaign_daily-v1",
            "run-1",
            Duration.ofSeconds(1))) {
      assertThat(lock.isHeld()).isFalse();
    }
  }

  @Test
  @DisplayName("lakes on HDFS take no file lock, since other machines would not see it")
  void lakesOnHdfsTakeNoFileLock() {
    try (LakeLock lock =
        LakeLock.acquire(
            new LakeLayout("hdfs://namenode:8020/lake"),
            "campaign_daily-v1",
            "run-1",
            Duration.ofSeconds(1))) {
      assertThat(lock.isHeld()).isFalse();
    }
  }

  @Test
  void aLocalLakeLocksAFileUnderLocks() {
    LakeLayout lake = new LakeLayout(root.toString());
    try (LakeLock lock =
        LakeLock.acquire(lake, "campaign_daily-v1", "run-1", Duration.ofSeconds(1))) {
      assertThat(lock.isHeld()).isTrue();
      assertThat(root.resolve("_locks/campaign_daily-v1.lock")).exists();
    }
  }

  @Test
  void aFileUriRootLocksTheSameFileAsThePlainPath() {
    assertThat(LakeLock.localLockFile(new LakeLayout(root.toUri().toString()), "lineage"))
        .isEqualTo(LakeLock.localLockFile(new LakeLayout(root.toString()), "lineage"));
  }

  @Test
  @DisplayName("a second holder gives up after the timeout, naming who holds the lock")
  @SuppressWarnings("try") // the lock is held for the try block's duration, not used in it
  void aSecondHolderGivesUpNamingTheHolder() throws Exception {
    LakeLayout lake = new LakeLayout(root.toString());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (LakeLock held =
        LakeLock.acquire(lake, "campaign_daily-v1", "run-first", Duration.ofSeconds(1))) {
      Future<LakeLock> second =
          other.submit(
              () ->
                  LakeLock.acquire(
                      lake, "campaign_daily-v1", "run-second", Duration.ofMillis(200)));
      assertThatThrownBy(second::get)
          .hasCauseInstanceOf(LockTimeoutException.class)
          .hasMessageContaining("run-first");
    } finally {
      other.shutdownNow();
    }
    try (LakeLock free =
        LakeLock.acquire(lake, "campaign_daily-v1", "run-third", Duration.ofSeconds(1))) {
      assertThat(free.isHeld()).isTrue();
    }
  }
}
