package lakehouse.gold.staging;

/** The checks a staged partition must pass before it may be promoted, by the name messages use. */
public enum StagingCheck {
  /** The staged files have the table's columns, in its order, with its types. */
  SCHEMA("schema"),
  /** Columns the table declares NOT NULL hold no null. */
  NOT_NULL("not_null"),
  /** Every row's partition column equals the partition key it was staged under. */
  PARTITION_KEY("partition_key"),
  /** The staged files hold exactly the rows the run computed for the partition. */
  ROW_COUNT("row_count"),
  /**
   * The partition is the files its row count calls for ({@link FileCount}): no file was lost or
   * added after the write.
   */
  FILES("files"),
  /** The table's key column (user_id, campaign_id) is unique within the partition. */
  KEY_UNIQUENESS("key_uniqueness");

  private final String label;

  StagingCheck(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
