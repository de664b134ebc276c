package lakehouse.shared.config;

/**
 * How the allowed lateness is recommended from the lateness measured (docs/MONITORING.md): the
 * fewest days that would have kept {@code keepShare} of the events of the last {@code nights}
 * ingest dates. Only a recommendation: nothing changes the setting in force.
 *
 * @param nights how many of the newest ingest dates silver processed are looked at, at least 1
 * @param keepShare the share of their events to keep, in (0, 1]
 */
public record LatenessRecommendationSettings(int nights, double keepShare) {

  public static final LatenessRecommendationSettings DEFAULTS =
      new LatenessRecommendationSettings(30, 0.999);
}
