package lakehouse.silver.replay;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.silver.validation.ValidationRule;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The released records counted by the reasons they had been quarantined for, every rule present in
 * rule order (a record quarantined for two reasons counts under both), in one aggregate.
 */
final class ReleasedReasons {
  private ReleasedReasons() {}

  /**
   * @param released revalidated records that now pass, with {@link Revalidation#PREVIOUS_REASONS}
   */
  static Map<String, Long> count(Dataset<Row> released, List<ValidationRule> rules) {
    Column[] perRule =
        rules.stream()
            .map(rule -> count_if(array_contains(col(Revalidation.PREVIOUS_REASONS), rule.name())))
            .toArray(Column[]::new);
    Row counts = released.agg(perRule[0], Arrays.copyOfRange(perRule, 1, perRule.length)).first();
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      byReason.put(rules.get(i).name(), counts.isNullAt(i) ? 0L : counts.getLong(i));
    }
    return byReason;
  }
}
