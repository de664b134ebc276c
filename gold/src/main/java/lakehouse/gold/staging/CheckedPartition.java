package lakehouse.gold.staging;

import java.util.Objects;

/**
 * A staged partition that passed every staging check. Only {@link StagedPartitionChecker} makes
 * these, so promotion cannot be handed a partition nobody checked.
 */
public final class CheckedPartition {
  private final StagedPartition staged;

  CheckedPartition(StagedPartition staged) {
    this.staged = Objects.requireNonNull(staged, "staged");
  }

  public StagedPartition staged() {
    return staged;
  }

  @Override
  public String toString() {
    return "checked " + staged;
  }
}
