package lakehouse.generate;

/**
 * How often each kind of landing file and event appears. Every share is a probability in [0, 1];
 * the event cases (late, duplicate, invalid, future, too late) exclude one another, so their sum is
 * at most 1 and the rest of the events are regular.
 *
 * @param v1Share share of a day's hourly files written in schema version 1 (the rest are version 2)
 * @param lateShare events of the days before the ingest date (one or two by default, see {@code
 *     lateDaysMax}), meant to be within the watermark
 * @param duplicateShare re-emissions of an event already written (same file, another file of the
 *     same day, or the previous day)
 * @param invalidShare records breaking one validation rule (event id, blank keys, cost, country)
 * @param futureShare events at or after the end of the ingest date plus the clock-skew tolerance
 * @param tooLateShare events three or more days before the ingest date: past the watermark
 * @param hotUserShare events given to the one hot user on top of its natural popularity
 * @param hotAdShare events given to the one hot ad on top of its natural popularity
 * @param lateDaysMax how many days before the ingest date late events go back: three in four are
 *     one day old, the rest spread evenly over 2 to this many days. Those older than the lake's
 *     allowed lateness are quarantined as too_late by silver, though counted late here
 */
public record GeneratorRates(
    double v1Share,
    double lateShare,
    double duplicateShare,
    double invalidShare,
    double futureShare,
    double tooLateShare,
    double hotUserShare,
    double hotAdShare,
    int lateDaysMax) {

  /** Late events one or two days old, as the contract's default allowed lateness keeps them. */
  public static final int DEFAULT_LATE_DAYS_MAX = 2;

  public GeneratorRates {
    requireShare("v1 share", v1Share);
    requireShare("late share", lateShare);
    requireShare("duplicate share", duplicateShare);
    requireShare("invalid share", invalidShare);
    requireShare("future share", futureShare);
    requireShare("too-late share", tooLateShare);
    requireShare("hot user share", hotUserShare);
    requireShare("hot ad share", hotAdShare);
    if (lateDaysMax < 1) {
      throw new IllegalArgumentException(
          "late events must go back at least 1 day, got " + lateDaysMax);
    }
    double cases = lateShare + duplicateShare + invalidShare + futureShare + tooLateShare;
    if (cases > 1.0) {
      throw new IllegalArgumentException(
          "the late, duplicate, invalid, future and too-late shares add up to "
              + cases
              + "; they must add up to at most 1");
    }
  }

  /** The rates, with late events one or two days old. */
  public GeneratorRates(
      double v1Share,
      double lateShare,
      double duplicateShare,
      double invalidShare,
      double futureShare,
      double tooLateShare,
      double hotUserShare,
      double hotAdShare) {
    this(
        v1Share,
        lateShare,
        duplicateShare,
        invalidShare,
        futureShare,
        tooLateShare,
        hotUserShare,
        hotAdShare,
        DEFAULT_LATE_DAYS_MAX);
  }

  /** A realistic night: mostly clean data with a few percent of each problem. */
  public static GeneratorRates defaults() {
    return new GeneratorRates(0.3, 0.05, 0.02, 0.01, 0.002, 0.003, 0.05, 0.05);
  }

  /** Only regular events, all in schema version 2, with no hot keys beyond natural skew. */
  public static GeneratorRates clean() {
    return new GeneratorRates(0.0, 0, 0, 0, 0, 0, 0, 0);
  }

  private static void requireShare(String name, double share) {
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException("the " + name + " must be between 0 and 1, got " + share);
    }
  }
}
