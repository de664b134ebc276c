package lakehouse.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import lakehouse.gold.GoldLayer;
import lakehouse.gold.GoldResult;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.delta.DeltaCommitLog;
import lakehouse.shared.run.RunStatus;
import lakehouse.shared.tables.UserFeatures;
import lakehouse.silver.replay.QuarantineReplay;
import lakehouse.silver.replay.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code replay-quarantine --from D1 --to D2 [--reason R]}: the quarantined records of those ingest
 * dates validated again under today's rules and settings; those that pass enter silver as their
 * night would have taken them ({@link QuarantineReplay}), and gold is rebuilt for the event dates
 * they changed, as a night plans it ({@link ChangedGold}), up to the latest as-of date gold holds.
 */
@Command(
    name = "replay-quarantine",
    mixinStandardHelpOptions = true,
    description =
        "Validates the quarantined records of ingest dates D1 to D2 again under the current rules and "
            + "configuration; those that pass enter silver as if they had arrived on their ingest date, and "
            + "the feature groups and gold partitions they change are rebuilt. The quarantine keeps them, "
            + "marked with this run's id; replaying again releases nothing again.")
final class ReplayQuarantineCommand implements Callable<Integer> {
  /** The run report's object for what the replay released. */
  static final String REPLAY = "replay";

  @Mixin CommonOptions common;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "First ingest date whose quarantine is replayed.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Last ingest date whose quarantine is replayed.")
  LocalDate to;

  @Option(
      names = "--reason",
      paramLabel = "REASON",
      description =
          "Only records quarantined for this reason (too_late, future_event_time, invalid_country, ...).")
  String reason;

  private final CommandEnvironment environment;
  private final Console console;

  ReplayQuarantineCommand(CommandEnvironment environment) {
    this.environment = environment;
    this.console = environment.console();
  }

  @Override
  public Integer call() throws Exception {
    if (to.isBefore(from)) {
      throw new ConfigurationException("--to " + to + " is before --from " + from);
    }
    List<String> arguments =
        new ArrayList<>(List.of("--from", from.toString(), "--to", to.toString()));
    if (reason != null) {
      QuarantineReplay.requireKnownReason(reason);
      arguments.addAll(List.of("--reason", reason));
    }
    LakeRun run = LakeRun.prepare("replay-quarantine", arguments, common, environment);
    LakehouseConfig config = run.config();
    try (run) {
      run.watchesLake();
      run.startWriting();
      console.progress(
          "replay-quarantine "
              + run.runId()
              + ": ingest dates "
              + from
              + ".."
              + to
              + (reason == null ? "" : ", reason " + reason)
              + ", lake "
              + config.lake().root());
      return run.complete(
          () -> {
            run.spark().conf().set(DeltaCommitLog.USER_METADATA_SETTING, run.runId());
            ReplayResult replay =
                run.cost()
                    .measure(
                        Layer.SILVER.label(),
                        () ->
                            new QuarantineReplay(
                                    run.spark(), config.lake(), config.silver(), run.clock())
                                .replay(from, to, Optional.ofNullable(reason), run.runId()));
            run.layer(REPLAY, replay);
            console.progress(
                String.format(
                    "silver  %s..%s: %,d quarantined records considered, %,d released (%,d accepted, "
                        + "%,d duplicates dropped), %,d stay quarantined; event dates changed %s (%.1f s)",
                    from,
                    to,
                    replay.recordsConsidered(),
                    replay.recordsReleased(),
                    replay.rowsAccepted(),
                    replay.duplicatesDropped(),
                    replay.recordsStillQuarantined(),
                    replay.changedEventDates(),
                    replay.durationMs() / 1000.0));
            rebuildGold(run, config, replay).ifPresent(gold -> run.layer(Layer.GOLD.label(), gold));
            return RunOutcome.of(RunStatus.SUCCEEDED);
          });
    }
  }

  /**
   * Gold of the changed event dates, up to the latest as-of date gold built (the last night's): a
   * replay builds no as-of date that no night built. The search for changes gold never saw covers
   * every event date the replayed nights could accept, so a replay that stopped before gold is
   * finished by the next one.
   */
  private Optional<GoldResult> rebuildGold(
      LakeRun run, LakehouseConfig config, ReplayResult replay) {
    SortedSet<LocalDate> changed = new TreeSet<>();
    replay.changedEventDates().forEach(date -> changed.add(LocalDate.parse(date)));
    GoldLayer gold =
        new GoldLayer(
            run.spark(), config.lake(), config.gold(), config.retention().staging(), run.clock());
    LocalDate lastAsOf = lastBuiltAsOf(run, config).orElse(to);
    Optional<GoldResult> result =
        run.cost()
            .measure(
                Layer.GOLD.label(),
                () ->
                    new ChangedGold(gold, console)
                        .buildIfChanged(
                            lastAsOf,
                            changed,
                            from.minusDays(config.silver().allowedLatenessDays()),
                            to.plusDays(1),
                            run.runId()));
    if (result.isEmpty()) {
      console.progress("gold    nothing to rebuild: no event date changed");
    }
    result.ifPresent(
        built -> {
          built.messages().forEach(console::warn);
          console.progress(
              String.format(
                  "gold    up to %s: promoted %s (%.1f s)",
                  lastAsOf, built.partitionsPromoted(), built.durationMs() / 1000.0));
        });
    return result;
  }

  private static Optional<LocalDate> lastBuiltAsOf(LakeRun run, LakehouseConfig config) {
    return new GoldLineage(run.spark(), config.lake())
        .latest(UserFeatures.NAME, config.gold().userFeaturesVersion()).keySet().stream()
            .map(LocalDate::parse)
            .max(LocalDate::compareTo);
  }
}
