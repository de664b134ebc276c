package lakehouse.silver.replay;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import lakehouse.shared.tables.Quarantine;
import lakehouse.silver.EventTimeWindow;
import lakehouse.silver.validation.RecordValidation;
import lakehouse.silver.validation.ValidationRule;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Quarantined records validated again, as bronze records of their ingest date, by the rules and
 * settings of today ({@link RecordValidation}): the quarantine holds each record whole, as bronze
 * had it, so the same rules decide it the way a night would. The reasons it was quarantined for are
 * kept beside the new ones, for the counts.
 */
public final class Revalidation {
  /** The reasons the record was quarantined for, before this validation. */
  public static final String PREVIOUS_REASONS = "previous_reasons";

  private Revalidation() {}

  /**
   * Rows with {@link Quarantine#REASONS} (today's, empty for a record that now passes), {@link
   * Quarantine#EVENT_DATE} and {@link #PREVIOUS_REASONS}.
   *
   * @param quarantined rows of the quarantine, all of the window's ingest date
   */
  public static Dataset<Row> revalidate(
      Dataset<Row> quarantined, List<ValidationRule> rules, EventTimeWindow window) {
    Dataset<Row> asBronze =
        quarantined
            .withColumnRenamed(Quarantine.REASONS, PREVIOUS_REASONS)
            .drop(Quarantine.EVENT_DATE, Quarantine.RELEASED_BY_RUN);
    return RecordValidation.validate(asBronze, rules, window);
  }

  /** Whether a quarantined record was quarantined for the reason (among others, maybe). */
  public static Column quarantinedFor(String reason) {
    return array_contains(col(Quarantine.REASONS), reason);
  }
}
