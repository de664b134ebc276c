package lakehouse.chaos.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.chaos.Attacks;
import lakehouse.chaos.ChaosContext;
import lakehouse.chaos.ChaosLake;
import lakehouse.chaos.LakeReader;
import lakehouse.chaos.Lakehouse;
import lakehouse.chaos.RecoveryCheck;
import lakehouse.chaos.Scenario;
import lakehouse.chaos.ScenarioResult;
import lakehouse.chaos.Violation;
import lakehouse.shared.lake.CatalogTable;

/**
 * The lake's own files damaged under the second night, each fault by file operations alone: a
 * damaged {@code _last_checkpoint} on a silver and a gold table, a {@code _last_checkpoint} naming
 * a checkpoint that is not there, a landing file deleted at a random moment while the night runs,
 * and a table's folder replaced by a file. Tolerated faults must read to the same tables; a refused
 * night must exit non-zero with one line naming the path and write nothing. After repair the night
 * converges to the clean run.
 */
public final class StorageFaultsScenario implements Scenario {
  public static final String CLEAR_ERROR = "refused with one line naming the path";
  public static final String NOTHING_WRITTEN = "a refused night writes nothing";

  /** Bronze lists, inspects and decodes a small day's files within about this long. */
  private static final long LISTING_WINDOW_MS = 3_000;

  @Override
  public String name() {
    return "storage-faults";
  }

  @Override
  public ScenarioResult run(ChaosContext context) throws IOException {
    long started = System.nanoTime();
    int rounds = context.trials(1, 3);
    List<Violation> violations = new ArrayList<>();
    List<String> saw = new ArrayList<>();
    long rowsLost = 0;
    int trials = 0;
    for (int round = 0; round < rounds; round++) {
      for (Fault fault : faults(context)) {
        trials++;
        ChaosLake lake = context.fixture().startingLake(context.lakeFolder(name()));
        try (LakeReader reader = new LakeReader(context.invariants(), lake)) {
          Lakehouse.Outcome recovery = fault.attack(context, lake, violations, saw);
          RecoveryCheck.Found found = RecoveryCheck.after(context, reader, lake);
          violations.addAll(Attacks.withRecovery(found, recovery));
          rowsLost += found.rowsLost();
        }
      }
    }
    return new ScenarioResult(
        name(),
        trials,
        trials,
        violations,
        rowsLost,
        Duration.ofNanos(System.nanoTime() - started),
        String.join("; ", saw.stream().distinct().toList()));
  }

  private enum Fault {
    DAMAGED_LAST_CHECKPOINT {
      @Override
      Lakehouse.Outcome attack(
          ChaosContext context, ChaosLake lake, List<Violation> violations, List<String> saw)
          throws IOException {
        for (CatalogTable table : List.of(lake.silverEvents(), lake.goldTables().get(0))) {
          Path log = Path.of(table.path(), "_delta_log");
          Files.writeString(
              log.resolve("_last_checkpoint"), "{\"version\": 7, \"si", StandardCharsets.UTF_8);
          Files.deleteIfExists(log.resolve("._last_checkpoint.crc"));
        }
        Lakehouse.Outcome night =
            context.lakehouse().run(context.fixture().secondNight(lake, null));
        saw.add("damaged _last_checkpoint: exit " + night.exitStatus());
        return night;
      }
    },
    MISSING_CHECKPOINT {
      @Override
      Lakehouse.Outcome attack(
          ChaosContext context, ChaosLake lake, List<Violation> violations, List<String> saw)
          throws IOException {
        CatalogTable gold = lake.goldTables().get(0);
        Path log = Path.of(gold.path(), "_delta_log");
        int version = ChaosLake.commits(Path.of(gold.path())) - 1;
        Files.writeString(
            log.resolve("_last_checkpoint"),
            "{\"version\":" + version + ",\"size\":4}",
            StandardCharsets.UTF_8);
        Lakehouse.Outcome night =
            context.lakehouse().run(context.fixture().secondNight(lake, null));
        saw.add("_last_checkpoint naming a missing checkpoint: exit " + night.exitStatus());
        return night;
      }
    },
    LANDING_FILE_VANISHES {
      @Override
      Lakehouse.Outcome attack(
          ChaosContext context, ChaosLake lake, List<Violation> violations, List<String> saw)
          throws IOException {
        Path day =
            lake.root().resolve("landing/ad_events/ingest_date=" + context.fixture().secondDate());
        List<Path> files;
        try (Stream<Path> listed = Files.list(day)) {
          files = listed.filter(file -> file.toString().endsWith(".avro")).sorted().toList();
        }
        Path victim = files.get(context.random().nextInt(files.size()));
        Path aside = context.work().resolve("aside-" + victim.getFileName());
        Lakehouse.Command night =
            context.lakehouse().start(context.fixture().secondNight(lake, null));
        // The night prints its first line once Spark is up, just before bronze lists the day.
        while (night.isAlive() && night.stdoutSoFar().isEmpty()) {
          Attacks.sleep(10);
        }
        Attacks.waitWhileAlive(night, (long) (context.random().nextDouble() * LISTING_WINDOW_MS));
        Files.move(victim, aside, StandardCopyOption.REPLACE_EXISTING);
        Lakehouse.Outcome attacked = night.await();
        String warning =
            attacked
                .stderr()
                .lines()
                .filter(line -> line.contains("missing_file"))
                .findFirst()
                .orElse("");
        if (attacked.exitStatus() == 3 && !warning.contains(victim.getFileName().toString())) {
          violations.add(
              new Violation(CLEAR_ERROR, "exit 3 without a missing_file line naming " + victim));
        }
        if (!attacked.succeeded()) {
          violations.add(
              new Violation(
                  CLEAR_ERROR,
                  "a vanished landing file failed the night: " + attacked.errorLine()));
        }
        saw.add(
            "landing file gone mid-run: exit "
                + attacked.exitStatus()
                + (warning.isEmpty() ? " (gone before listing)" : ", missing_file"));
        Files.move(aside, victim);
        return context.lakehouse().run(context.fixture().secondNight(lake, null));
      }
    },
    TABLE_FOLDER_IS_A_FILE {
      @Override
      Lakehouse.Outcome attack(
          ChaosContext context, ChaosLake lake, List<Violation> violations, List<String> saw)
          throws IOException {
        List<CatalogTable> tables = lake.dataTables();
        CatalogTable table = tables.get(context.random().nextInt(tables.size()));
        Path folder = Path.of(table.path());
        Path aside = context.work().resolve("aside-table");
        ChaosLake.delete(aside);
        boolean existed = Files.exists(folder);
        if (existed) {
          Files.move(folder, aside);
        }
        Files.createDirectories(folder.getParent());
        Files.writeString(folder, "not a table");
        int commitsBefore = totalCommits(lake);
        Lakehouse.Outcome refused =
            context.lakehouse().run(context.fixture().secondNight(lake, null));
        if (refused.exitStatus() != 1 || !refused.errorLine().contains(folder.toString())) {
          violations.add(
              new Violation(
                  CLEAR_ERROR,
                  table.location()
                      + " a file: exit "
                      + refused.exitStatus()
                      + ", "
                      + refused.errorLine()));
        }
        if (totalCommits(lake) != commitsBefore) {
          violations.add(
              new Violation(NOTHING_WRITTEN, table.location() + " a file: the night committed"));
        }
        saw.add("a table's folder a file: exit " + refused.exitStatus() + " naming it");
        Files.delete(folder);
        if (existed) {
          Files.move(aside, folder);
        }
        return context.lakehouse().run(context.fixture().secondNight(lake, null));
      }
    };

    abstract Lakehouse.Outcome attack(
        ChaosContext context, ChaosLake lake, List<Violation> violations, List<String> saw)
        throws IOException;
  }

  /**
   * The quick run takes the two faults that need a night to find them (CI's {@code
   * StorageChaosTest} covers the checkpoint faults in process); the full run takes every one.
   */
  private static List<Fault> faults(ChaosContext context) {
    return context.quick()
        ? List.of(Fault.LANDING_FILE_VANISHES, Fault.TABLE_FOLDER_IS_A_FILE)
        : List.of(Fault.values());
  }

  private static int totalCommits(ChaosLake lake) {
    return lake.tables().stream().mapToInt(table -> ChaosLake.commits(Path.of(table.path()))).sum();
  }
}
