package lakehouse.gold.promotion;

import java.time.LocalDate;

/**
 * The outcome for one partition of a promotion.
 *
 * @param rows rows of this run's staged partition
 * @param heldBy the run whose output the partition holds after the promotion
 * @param detail one line for people: why this outcome
 */
public record PartitionOutcome(
    LocalDate partitionKey, PromotionOutcome outcome, long rows, String heldBy, String detail) {}
