package lakehouse.shared.config;

import java.util.Optional;

/**
 * Where a run's metrics go besides its report.
 *
 * @param pushgateway a Prometheus Pushgateway ({@code host:port} or {@code http(s)://host:port}) to
 *     push every run's metrics to, or empty for none
 * @param textfile a file to write the metrics to in Prometheus's text format, for node_exporter's
 *     textfile collector, or empty for none
 * @param job the Pushgateway's job label: tells apart lakes that push to the same gateway
 * @param latenessRecommendation how the allowed lateness is recommended ({@code status}, and the
 *     gauge pushed after each run)
 */
public record MetricsSettings(
    Optional<String> pushgateway,
    Optional<String> textfile,
    String job,
    LatenessRecommendationSettings latenessRecommendation) {

  public static final MetricsSettings NONE =
      new MetricsSettings(
          Optional.empty(), Optional.empty(), "lakehouse", LatenessRecommendationSettings.DEFAULTS);
}
