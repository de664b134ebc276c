package lakehouse.gold.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a run's written partition into its staging path while another run, having promoted the
 * same partition, removes the partition's emptied folder.
 */
class StagedFolderMoveTest {
  @TempDir Path root;

  /**
   * A local file system on which a concurrent run removes the target's parent folder, as {@link
   * StagingJanitor#discard} does, during each of the first {@code removals} moves. Where it falls
   * decides what the mover sees: during the rename, the rename returns false (as Hadoop's local
   * rename does when the folder goes while it falls back to copying) and leaves the written folder
   * where it was; right after the folder is created, creating it fails as Hadoop's local file
   * system does when the folder goes before its permissions are set.
   */
  private static final class RacedFileSystem extends FilterFileSystem {
    private final AtomicInteger removals;
    private final boolean duringCreation;

    RacedFileSystem(FileSystem local, int removals, boolean duringCreation) {
      super(local);
      this.removals = new AtomicInteger(removals);
      this.duringCreation = duringCreation;
    }

    @Override
    public boolean mkdirs(org.apache.hadoop.fs.Path folder) throws IOException {
      boolean created = super.mkdirs(folder);
      if (duringCreation && removals.getAndDecrement() > 0) {
        delete(folder, true);
        throw new IOException("chmod: cannot access '" + folder + "': No such file or directory");
      }
      return created;
    }

    @Override
    public boolean rename(org.apache.hadoop.fs.Path src, org.apache.hadoop.fs.Path dst)
        throws IOException {
      if (!duringCreation && removals.getAndDecrement() > 0) {
        delete(dst.getParent(), true);
        return false;
      }
      return super.rename(src, dst);
    }
  }

  private org.apache.hadoop.fs.Path written() throws IOException {
    Path written = root.resolve("_writing/run_id=r1/partition_key=2026-11-20");
    Files.createDirectories(written);
    Files.writeString(written.resolve("part-0.parquet"), "rows");
    return new org.apache.hadoop.fs.Path(written.toUri());
  }

  private org.apache.hadoop.fs.Path target() {
    return new org.apache.hadoop.fs.Path(
        root.resolve("partition_key=2026-11-20/run_id=r1").toUri());
  }

  @Test
  @DisplayName("a partition folder removed by a concurrent run under the move is created again")
  void partitionFolderRemovedUnderTheMoveIsCreatedAgain() throws Exception {
    assertMovedDespite(new RacedFileSystem(FileSystem.getLocal(new Configuration()), 2, false));
  }

  @Test
  @DisplayName("a partition folder removed by a concurrent run as it is created is created again")
  void partitionFolderRemovedAsItIsCreatedIsCreatedAgain() throws Exception {
    assertMovedDespite(new RacedFileSystem(FileSystem.getLocal(new Configuration()), 2, true));
  }

  private void assertMovedDespite(FileSystem raced) throws IOException {
    PartitionStager.moveInto(raced, written(), target());

    assertThat(root.resolve("partition_key=2026-11-20/run_id=r1/part-0.parquet"))
        .hasContent("rows");
    assertThat(root.resolve("_writing/run_id=r1/partition_key=2026-11-20")).doesNotExist();
  }

  @Test
  @DisplayName("a move that keeps failing fails naming both folders")
  void aMoveThatKeepsFailingNamesBothFolders() throws Exception {
    FileSystem fs = new RacedFileSystem(FileSystem.getLocal(new Configuration()), 100, false);
    org.apache.hadoop.fs.Path written = written();

    assertThatThrownBy(() -> PartitionStager.moveInto(fs, written, target()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(written.toString())
        .hasMessageContaining("partition_key=2026-11-20/run_id=r1");
    assertThat(root.resolve("_writing/run_id=r1/partition_key=2026-11-20/part-0.parquet"))
        .hasContent("rows");
  }
}
