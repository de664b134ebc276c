package lakehouse.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a check of a lake reads, in a few file listings: the names and sizes of the files in its
 * folders (a table's Delta log, its gold staging, the run reports). Two equal fingerprints mean the
 * check would read the same commits, staged partitions and reports.
 */
final class LakeFingerprint {
  private final List<Path> folders;

  private LakeFingerprint(List<Path> folders) {
    this.folders = folders;
  }

  static LakeFingerprint of(List<Path> folders) {
    return new LakeFingerprint(List.copyOf(folders));
  }

  /** The fingerprint now; null when a file went away while it was taken (check the lake then). */
  String now() {
    StringBuilder state = new StringBuilder();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        state.append(folder).append(" absent\n");
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : (Iterable<Path>) files.sorted()::iterator) {
          state.append(file).append(' ').append(Files.size(file)).append('\n');
        }
      } catch (IOException | UncheckedIOException changedMeanwhile) {
        return null;
      }
    }
    return state.toString();
  }
}
