package lakehouse.gold.staging;

/**
 * Told about staging progress. Production code passes none; tests use it to stop a run at a precise
 * point (for instance to kill its JVM while staging is half written).
 */
public interface StagingListener {
  StagingListener NONE = new StagingListener() {};

  /**
   * Called after a partition's files are completely written, before the next partition is staged.
   */
  default void partitionStaged(StagedPartition staged) {}
}
