package lakehouse.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The latest committed version of each of the lake's tables (those of the contract; internal
 * ledgers are the layers' business), read from the tables' Delta logs. Two equal snapshots around a
 * command mean it changed none of them.
 *
 * @param versions by table path relative to the lake root; absent tables are not listed
 */
public record LakeTableVersions(Map<String, Long> versions) {

  public static LakeTableVersions of(Path lakeRoot, List<Path> tables) {
    Map<String, Long> versions = new TreeMap<>();
    for (Path table : tables) {
      Path log = table.resolve("_delta_log");
      if (Files.isDirectory(log)) {
        versions.put(lakeRoot.relativize(table).toString(), latest(log));
      }
    }
    return new LakeTableVersions(versions);
  }

  /** The tables whose version differs between the two snapshots (or that exist in one only). */
  public Map<String, String> changesTo(LakeTableVersions later) {
    Map<String, String> changes = new TreeMap<>();
    TreeMap<String, Long> all = new TreeMap<>(versions);
    later.versions.forEach(all::putIfAbsent);
    for (String table : all.keySet()) {
      Long before = versions.get(table);
      Long after = later.versions.get(table);
      if (before == null || !before.equals(after)) {
        changes.put(table, "version " + (before == null ? "none" : before) + " -> " + after);
      }
    }
    return changes;
  }

  private static long latest(Path log) {
    try (Stream<Path> commits = Files.list(log)) {
      return commits
          .map(commit -> commit.getFileName().toString())
          .filter(name -> name.matches("\\d{20}\\.json"))
          .mapToLong(name -> Long.parseLong(name.substring(0, 20)))
          .max()
          .orElse(-1L);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }
}
