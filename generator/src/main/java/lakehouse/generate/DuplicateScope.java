package lakehouse.generate;

/** Where the original of a re-emitted event was written. */
enum DuplicateScope {
  /** Shortly before, in the same file: a producer's retry. */
  IN_FILE,
  /** In an earlier file of the same ingest date. */
  SAME_DAY,
  /** In a file of the previous ingest date: a replayed dump. */
  EARLIER_DAY
}
