package lakehouse.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the invariants of a lake read, in a few file listings: the names and sizes of the files in
 * the checked tables' Delta logs, the run reports and the gold staging. Two equal fingerprints mean
 * the checks would read the same commits, reports and staged partitions.
 */
final class LakeFingerprint {
  private final List<Path> folders;

  private LakeFingerprint(List<Path> folders) {
    this.folders = folders;
  }

  static LakeFingerprint of(ChaosLake lake) {
    List<Path> folders = new ArrayList<>();
    folders.add(lake.reports());
    folders.add(Path.of(lake.layout().staging()));
    lake.goldTables().forEach(table -> folders.add(Path.of(table.path(), "_delta_log")));
    folders.add(Path.of(lake.silverEvents().path(), "_delta_log"));
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
