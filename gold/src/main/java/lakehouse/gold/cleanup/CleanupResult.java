package lakehouse.gold.cleanup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.gold.staging.ExpiredStaging;

/**
 * What one {@link LakeCleanup} removed (or, on a dry run, would remove), in the order it did it.
 *
 * @param partitionsExpired one entry per table with a retention setting, even when nothing expired
 * @param vacuumRetentionHours files older than this that no kept version needs were vacuumed
 */
public record CleanupResult(
    boolean dryRun,
    List<ExpiredStaging> stagingRemoved,
    List<ExpiredPartitions> partitionsExpired,
    List<VacuumedTable> vacuumed,
    long vacuumRetentionHours) {

  public CleanupResult {
    stagingRemoved = List.copyOf(stagingRemoved);
    partitionsExpired = List.copyOf(partitionsExpired);
    vacuumed = List.copyOf(vacuumed);
  }

  /** The result as the run report records it. */
  public CleanupReport report() {
    Map<String, Long> filesVacuumed = new LinkedHashMap<>();
    vacuumed.forEach(table -> filesVacuumed.put(table.table(), table.files()));
    Map<String, List<String>> partitionsDeleted = new LinkedHashMap<>();
    partitionsExpired.forEach(
        expired -> partitionsDeleted.put(expired.table(), expired.partitions()));
    return new CleanupReport(dryRun, stagingRemoved, filesVacuumed, partitionsDeleted);
  }
}
