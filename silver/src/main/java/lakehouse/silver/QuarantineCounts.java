package lakehouse.silver;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.tables.Quarantine;
import lakehouse.silver.validation.RecordValidation;
import lakehouse.silver.validation.ValidationRule;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Outcome of validation over a run's records, counted in one pass.
 *
 * @param records records validated
 * @param quarantined records with at least one reason, each counted once
 * @param byReason records failing each rule, every rule present in rule order (a record with two
 *     reasons counts under both)
 */
public record QuarantineCounts(long records, long quarantined, Map<String, Long> byReason) {

  public static QuarantineCounts of(Dataset<Row> validated, List<ValidationRule> rules) {
    List<Column> counts = new ArrayList<>();
    counts.add(count_if(RecordValidation.isQuarantined()));
    for (ValidationRule rule : rules) {
      counts.add(count_if(array_contains(col(Quarantine.REASONS), rule.name())));
    }
    Row row = validated.agg(count(lit(1)), counts.toArray(Column[]::new)).head();
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      byReason.put(rules.get(i).name(), row.getLong(i + 2));
    }
    return new QuarantineCounts(row.getLong(0), row.getLong(1), byReason);
  }
}
