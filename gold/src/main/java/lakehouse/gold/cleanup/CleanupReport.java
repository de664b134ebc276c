package lakehouse.gold.cleanup;

import java.util.List;
import java.util.Map;
import lakehouse.gold.staging.ExpiredStaging;

/** What cleanup did (or, on a dry run, would do); the run report's {@code cleanup} object. */
public record CleanupReport(
    boolean dryRun,
    List<ExpiredStaging> stagingRemoved,
    Map<String, Long> filesVacuumed,
    Map<String, List<String>> partitionsDeleted) {}
