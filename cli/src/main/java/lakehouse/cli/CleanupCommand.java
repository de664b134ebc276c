package lakehouse.cli;

import java.util.List;
import java.util.concurrent.Callable;
import lakehouse.gold.cleanup.CleanupResult;
import lakehouse.gold.cleanup.ExpiredPartitions;
import lakehouse.gold.cleanup.LakeCleanup;
import lakehouse.gold.cleanup.VacuumedTable;
import lakehouse.gold.staging.ExpiredStaging;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cleanup}: removes what grows without bound once past its retention: staging of dead runs,
 * table files no longer in any version Delta keeps (VACUUM), and, where configured, bronze and
 * quarantine partitions older than their retention (data minimisation). {@link LakeCleanup} does
 * the work; the command renders what it did.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description =
        "Removes expired staging, old table file versions past their retention and, where configured, "
            + "old bronze and quarantine partitions. --dry-run lists without removing.")
final class CleanupCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--dry-run", description = "List what would be removed; change nothing.")
  boolean dryRun;

  private final CommandEnvironment environment;

  CleanupCommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Console console = environment.console();
    LakeRun run =
        LakeRun.prepare("cleanup", dryRun ? List.of("--dry-run") : List.of(), common, environment);
    try (run) {
      if (!dryRun) {
        run.startWriting();
      }
      LakehouseConfig config = run.config();
      CleanupResult result =
          run.cost()
              .measure(
                  "cleanup",
                  () ->
                      new LakeCleanup(
                              run.spark(),
                              config.lake(),
                              config.gold(),
                              config.retention(),
                              environment.clock())
                          .run(dryRun));
      print(result, console);
      if (dryRun) {
        console.progress(RunReportWriter.toJson(result.report()));
        return ExitStatus.DONE;
      }
      run.layer("cleanup", result.report());
      return run.end(RunOutcome.of(RunStatus.SUCCEEDED));
    }
  }

  private void print(CleanupResult result, Console console) {
    for (ExpiredStaging expired : result.stagingRemoved()) {
      console.progress(
          (dryRun ? "would remove " : "removed ")
              + "staging "
              + expired.path()
              + " (last written "
              + expired.lastModified()
              + ")");
    }
    for (ExpiredPartitions expired : result.partitionsExpired()) {
      if (!expired.partitions().isEmpty()) {
        console.progress(
            (dryRun ? "would delete " : "deleted ")
                + expired.partitions().size()
                + " partitions of "
                + expired.path()
                + " older than "
                + expired.cutoff()
                + ": "
                + expired.partitions());
      }
    }
    for (VacuumedTable table : result.vacuumed()) {
      console.progress(
          String.format(
              "%s %,d unreferenced files older than %d h in %s",
              dryRun ? "would vacuum" : "vacuumed",
              table.files(),
              result.vacuumRetentionHours(),
              table.table()));
    }
  }
}
