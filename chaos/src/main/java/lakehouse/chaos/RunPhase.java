package lakehouse.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.lake.CatalogTable;

/**
 * Where a night was when it was killed, read from what it had left in the lake: the last table it
 * had committed to, or its staging. Commit counts are taken before the night starts and compared.
 */
public final class RunPhase {
  private final ChaosLake lake;
  private final List<CatalogTable> tables;
  private final Map<String, Integer> commitsBefore = new LinkedHashMap<>();

  private RunPhase(ChaosLake lake) {
    this.lake = lake;
    this.tables = lake.tables();
    for (CatalogTable table : tables) {
      commitsBefore.put(table.path(), ChaosLake.commits(Path.of(table.path())));
    }
  }

  /** Remembers the lake's commits before a night starts. */
  public static RunPhase before(ChaosLake lake) {
    return new RunPhase(lake);
  }

  /** Commits the night has made so far, over all tables. */
  public int commitsSince() {
    int made = 0;
    for (CatalogTable table : tables) {
      made += ChaosLake.commits(Path.of(table.path())) - commitsBefore.get(table.path());
    }
    return made;
  }

  /**
   * {@code start} (nothing committed: JVM start, listing, bronze's first write), {@code bronze},
   * {@code silver}, {@code staging} (gold staged, nothing promoted), {@code promotion} or {@code
   * lineage}, after the last thing the night committed.
   */
  public String now(String runId) {
    String phase = "start";
    for (CatalogTable table : tables) {
      if (ChaosLake.commits(Path.of(table.path())) > commitsBefore.get(table.path())) {
        phase = phaseOf(table);
      }
    }
    if (!phase.equals("promotion") && !phase.equals("lineage") && staged(runId)) {
      phase = "staging";
    }
    return phase;
  }

  /** Gold's lineage is the one ledger under gold/; silver's file ledger is silver. */
  private static String phaseOf(CatalogTable table) {
    return switch (table.layer()) {
      case BRONZE -> "bronze";
      case SILVER -> "silver";
      case GOLD -> "promotion";
      case LEDGER -> table.location().startsWith("gold/") ? "lineage" : "silver";
    };
  }

  private boolean staged(String runId) {
    Path staging = Path.of(lake.layout().staging());
    if (!Files.isDirectory(staging)) {
      return false;
    }
    try (var files = Files.walk(staging)) {
      return files.anyMatch(file -> file.getFileName().toString().equals("run_id=" + runId));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }
}
