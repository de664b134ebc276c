package lakehouse.silver;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.Quarantine;
import lakehouse.silver.validation.RecordValidation;
import lakehouse.silver.validation.ValidationRule;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a run's validated input holds, counted in one pass: its files, their schema versions, the
 * outcome of validation, and the valid records per event date. One aggregate answers what the run
 * needs to know before it writes, so no other job reads the input only to count it.
 *
 * @param files the files the rows come from, by source file path
 * @param schemaVersions the schema versions among the rows
 * @param validByEventDate valid records per event date (duplicates not yet told apart)
 */
public record InputSummary(
    List<BronzeFile> files,
    Set<Integer> schemaVersions,
    QuarantineCounts quarantined,
    SortedMap<LocalDate, Long> validByEventDate) {

  private static final String VALID_EVENT_DATE = "valid_event_date";
  private static final Comparator<BronzeFile> BY_PATH =
      Comparator.comparing(BronzeFile::sourceFile).thenComparing(BronzeFile::fingerprint);

  public static InputSummary of(Dataset<Row> validated, List<ValidationRule> rules) {
    List<Column> counts = new ArrayList<>();
    counts.add(count_if(RecordValidation.isQuarantined()));
    for (ValidationRule rule : rules) {
      counts.add(count_if(array_contains(col(Quarantine.REASONS), rule.name())));
    }
    // A few rows per file: the valid ones by event date, the quarantined ones under a null date.
    List<Row> groups =
        validated
            .groupBy(
                col(BronzeEvents.SOURCE_FINGERPRINT),
                col(BronzeEvents.SOURCE_FILE),
                col(BronzeEvents.SCHEMA_VERSION),
                when(RecordValidation.isValid(), col(Quarantine.EVENT_DATE)).as(VALID_EVENT_DATE))
            .agg(count(lit(1)), counts.toArray(Column[]::new))
            .collectAsList();

    Set<BronzeFile> files = new TreeSet<>(BY_PATH);
    Set<Integer> versions = new TreeSet<>();
    SortedMap<LocalDate, Long> validByEventDate = new TreeMap<>();
    long records = 0;
    long quarantined = 0;
    long[] byRule = new long[rules.size()];
    for (Row group : groups) {
      files.add(new BronzeFile(group.getString(0), group.getString(1)));
      versions.add(group.getInt(2));
      long rows = group.getLong(4);
      records += rows;
      quarantined += group.getLong(5);
      for (int i = 0; i < byRule.length; i++) {
        byRule[i] += group.getLong(6 + i);
      }
      if (!group.isNullAt(3)) {
        validByEventDate.merge(group.getDate(3).toLocalDate(), rows, Long::sum);
      }
    }
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (int i = 0; i < byRule.length; i++) {
      byReason.put(rules.get(i).name(), byRule[i]);
    }
    return new InputSummary(
        List.copyOf(files),
        Collections.unmodifiableSet(versions),
        new QuarantineCounts(records, quarantined, byReason),
        Collections.unmodifiableSortedMap(validByEventDate));
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Valid records of the run, duplicates included. */
  public long valid() {
    return quarantined.records() - quarantined.quarantined();
  }
}
