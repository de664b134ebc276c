package lakehouse.gold.promotion;

import java.time.LocalDate;
import java.util.List;

/**
 * What one promotion of a run's partitions of one table did.
 *
 * @param partitions one outcome per staged partition, in partition order
 * @param tableVersionBefore the table's Delta version when the promotion read it (-1: no table yet)
 * @param committedVersion the Delta version of the promotion commit, -1 if nothing needed
 *     committing
 */
public record PromotionResult(
    String table,
    String version,
    String runId,
    List<PartitionOutcome> partitions,
    long tableVersionBefore,
    long committedVersion) {

  public PromotionResult {
    partitions = List.copyOf(partitions);
  }

  public List<LocalDate> promoted() {
    return keys(PromotionOutcome.PROMOTED);
  }

  public List<LocalDate> alreadyPromoted() {
    return keys(PromotionOutcome.ALREADY_PROMOTED);
  }

  public List<LocalDate> superseded() {
    return keys(PromotionOutcome.SUPERSEDED);
  }

  public boolean committed() {
    return committedVersion >= 0;
  }

  private List<LocalDate> keys(PromotionOutcome outcome) {
    return partitions.stream()
        .filter(p -> p.outcome() == outcome)
        .map(PartitionOutcome::partitionKey)
        .toList();
  }
}
