package lakehouse.cli.metrics;

import java.util.List;

/**
 * Where a run's metrics went: the report's {@code metrics.export} object.
 *
 * @param pushgateway the Pushgateway pushed to, or null when none is configured
 * @param groupsPushed the groups the Pushgateway now holds from this run
 * @param textfile the node_exporter textfile written, or null
 * @param warnings one line per failed push or write; never a failed run
 * @param durationMs how long pushing and writing took
 */
public record ExportOutcome(
    String pushgateway,
    List<String> groupsPushed,
    String textfile,
    List<String> warnings,
    long durationMs) {

  public ExportOutcome {
    groupsPushed = List.copyOf(groupsPushed);
    warnings = List.copyOf(warnings);
  }
}
