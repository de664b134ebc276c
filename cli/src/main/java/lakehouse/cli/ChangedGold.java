package lakehouse.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import lakehouse.gold.GoldLayer;
import lakehouse.gold.GoldResult;

/**
 * Gold for event dates changed in silver, planned as a night plans it: campaign_daily of each
 * changed date, user_features as of every date up to the last as-of date whose window holds one. To
 * the dates given it adds those among a range that silver changed after gold last built them (what
 * a run that failed before promoting left behind), found in silver's Delta log and gold's lineage.
 * The nightly run and a quarantine replay both rebuild gold this way.
 */
final class ChangedGold {
  private final GoldLayer gold;
  private final Console console;

  ChangedGold(GoldLayer gold, Console console) {
    this.gold = gold;
    this.console = console;
  }

  /**
   * Builds the night's gold: always user_features as of {@code lastAsOf}, even with nothing
   * changed.
   *
   * @param lastAsOf the last as-of date to build (the night's ingest date)
   * @param searchFrom first event date searched for changes gold never saw
   * @param searchTo last event date searched for them
   */
  GoldResult build(
      LocalDate lastAsOf,
      SortedSet<LocalDate> changed,
      LocalDate searchFrom,
      LocalDate searchTo,
      String runId) {
    return gold.build(lastAsOf, withLeftBehind(lastAsOf, changed, searchFrom, searchTo), runId);
  }

  /**
   * Builds gold only when some event date changed (given, or left behind): after a replay that
   * released nothing, gold stays as it is.
   */
  Optional<GoldResult> buildIfChanged(
      LocalDate lastAsOf,
      SortedSet<LocalDate> changed,
      LocalDate searchFrom,
      LocalDate searchTo,
      String runId) {
    SortedSet<LocalDate> dates = withLeftBehind(lastAsOf, changed, searchFrom, searchTo);
    return dates.isEmpty() ? Optional.empty() : Optional.of(gold.build(lastAsOf, dates, runId));
  }

  private SortedSet<LocalDate> withLeftBehind(
      LocalDate lastAsOf, SortedSet<LocalDate> changed, LocalDate searchFrom, LocalDate searchTo) {
    SortedSet<LocalDate> dates = new TreeSet<>(changed);
    SortedSet<LocalDate> leftBehind = gold.silverChangesNotInGold(searchFrom, searchTo);
    leftBehind.removeAll(dates);
    if (!leftBehind.isEmpty()) {
      console.progress(
          "gold    "
              + lastAsOf
              + ": also rebuilds event dates "
              + leftBehind
              + ", changed in silver since gold last built them");
      dates.addAll(leftBehind);
    }
    return dates;
  }
}
