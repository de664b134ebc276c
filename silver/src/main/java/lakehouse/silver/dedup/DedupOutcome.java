package lakehouse.silver.dedup;

/**
 * What dedup decided for one valid record of a run; the values of {@link
 * EventDeduplication#OUTCOME}.
 */
public enum DedupOutcome {
  /** The first copy of an event silver does not hold yet: appended. */
  NEW,
  /**
   * Another copy of an event silver holds, or of one kept earlier in this run: dropped and counted.
   */
  DUPLICATE,
  /**
   * The very copy silver already holds: same event, ingest date and file, first in its file. Only a
   * run that re-reads files whose earlier processing stopped after the events commit meets it; the
   * copy is neither appended again nor counted as a duplicate.
   */
  ALREADY_ACCEPTED
}
