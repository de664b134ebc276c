package lakehouse.bronze;

import java.util.List;

/**
 * What bronze ingestion did for one ingest date; serialised as the run report's {@code bronze}
 * object.
 *
 * @param filesSkipped files of the date already ingested by an earlier run
 * @param rowsRead records read from the files ingested now (all of them reach bronze)
 * @param tableVersion bronze's Delta version after the run, -1 if the table does not exist yet
 */
public record BronzeResult(
    String ingestDate,
    int filesIngested,
    int filesSkipped,
    long rowsRead,
    List<RejectedFile> filesRejected,
    List<String> filesIngestedNow,
    long tableVersion,
    long durationMs) {

  public boolean hasRejections() {
    return !filesRejected.isEmpty();
  }
}
