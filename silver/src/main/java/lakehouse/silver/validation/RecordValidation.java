package lakehouse.silver.validation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.Quarantine;
import lakehouse.silver.EventTimeWindow;
import lakehouse.silver.UtcTime;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Applies the validation rules to bronze records: adds {@code reasons} (the names of every rule the
 * record fails, in rule order; empty for a valid record) and {@code event_date} (the UTC date of
 * its event time).
 */
public final class RecordValidation {
  private static final Column NO_REASON =
      array().cast(DataTypes.createArrayType(DataTypes.StringType, false));

  private RecordValidation() {}

  public static Dataset<Row> validate(
      Dataset<Row> bronze, List<ValidationRule> rules, EventTimeWindow window) {
    // A condition that evaluates to null (a null field the rule does not mention) is not a failure.
    List<Column> failures =
        rules.stream().map(rule -> coalesce(rule.failsWhen(window), lit(false))).toList();
    Column[] perRule = new Column[rules.size()];
    for (int i = 0; i < perRule.length; i++) {
      perRule[i] = when(failures.get(i), array(lit(rules.get(i).name()))).otherwise(NO_REASON);
    }
    Column failsAny = failures.stream().reduce(lit(false), Column::or);
    // Most records pass every rule: they get the empty literal instead of one array per rule to
    // concatenate, and a filter on the reasons costs no more than the rules' conditions.
    return bronze
        .withColumn(Quarantine.REASONS, when(failsAny, concat(perRule)).otherwise(NO_REASON))
        .withColumn(Quarantine.EVENT_DATE, UtcTime.date(col(BronzeEvents.EVENT_TIME)));
  }

  public static Column isValid() {
    return size(col(Quarantine.REASONS)).equalTo(0);
  }

  public static Column isQuarantined() {
    return size(col(Quarantine.REASONS)).gt(0);
  }
}
