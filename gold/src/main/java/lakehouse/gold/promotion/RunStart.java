package lakehouse.gold.promotion;

import java.time.Instant;

/**
 * A run and when it first started building gold. Which of two runs is newer decides who keeps a
 * partition both promoted: the one that started later, ties broken by run id. A backfill started
 * after a nightly run is newer, so its output is promoted; a retry of a run keeps its first start,
 * so it cannot overwrite a run that started after it.
 */
public record RunStart(String runId, Instant startedAt) {

  public boolean isNewerThan(RunStart other) {
    int byTime = startedAt.compareTo(other.startedAt);
    return byTime != 0 ? byTime > 0 : runId.compareTo(other.runId) > 0;
  }

  @Override
  public String toString() {
    return runId + " (started " + startedAt + ")";
  }
}
