package lakehouse.silver;

import java.util.Map;

/**
 * Outcome of validation over a run's records (counted by {@link InputSummary}).
 *
 * @param records records validated
 * @param quarantined records with at least one reason, each counted once
 * @param byReason records failing each rule, every rule present in rule order (a record with two
 *     reasons counts under both)
 */
public record QuarantineCounts(long records, long quarantined, Map<String, Long> byReason) {}
