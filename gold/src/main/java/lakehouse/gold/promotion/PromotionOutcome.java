package lakehouse.gold.promotion;

/** What promotion did with one staged partition. */
public enum PromotionOutcome {
  /** The partition now holds this run's output. */
  PROMOTED,
  /**
   * The partition already held this run's output (a retry): nothing written, no table version
   * added.
   */
  ALREADY_PROMOTED,
  /**
   * A run that started after this one already promoted the partition: its output is kept, this
   * run's is not.
   */
  SUPERSEDED
}
