package lakehouse.silver.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.silver.UtcTime;
import org.apache.spark.sql.Column;

/**
 * Every validation rule of silver, in the order reasons are listed. This is the one place a rule is
 * declared; the quarantine, the counts of the run report and the tests all take the rules from
 * here. Conditions read the bronze record as it came (the union of every schema version's fields),
 * before any migration, so that the quarantine explains a record in the terms it arrived in.
 */
public final class ValidationRules {
  public static final String INVALID_EVENT_ID = "invalid_event_id";
  public static final String MISSING_USER_ID = "missing_user_id";
  public static final String MISSING_AD_ID = "missing_ad_id";
  public static final String MISSING_CAMPAIGN_ID = "missing_campaign_id";
  public static final String NEGATIVE_COST = "negative_cost";
  public static final String INVALID_COUNTRY = "invalid_country";
  public static final String FUTURE_EVENT_TIME = "future_event_time";
  public static final String TOO_LATE = "too_late";

  /** 8-4-4-4-12 hex digits of either case; \A and \z so that a trailing newline does not pass. */
  private static final String UUID =
      "\\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z";

  /** Empty or only white space, Unicode white space (no-break space, em space...) included. */
  private static final String BLANK = "(?U)\\A\\s*\\z";

  /** The byte after the last printable ASCII character (DEL, 0x7F). */
  private static final String AFTER_VISIBLE_ASCII = String.valueOf((char) 0x7F);

  private static final String COUNTRY_CODE = "\\A[A-Z]{2}\\z";

  public static final List<ValidationRule> ALL =
      List.of(
          new ValidationRule(
              INVALID_EVENT_ID, window -> not(col(BronzeEvents.EVENT_ID).rlike(UUID))),
          new ValidationRule(MISSING_USER_ID, window -> blank(BronzeEvents.USER_ID)),
          new ValidationRule(MISSING_AD_ID, window -> blank(BronzeEvents.AD_ID)),
          new ValidationRule(MISSING_CAMPAIGN_ID, window -> blank(BronzeEvents.CAMPAIGN_ID)),
          new ValidationRule(
              NEGATIVE_COST,
              window -> below0(BronzeEvents.COST).or(below0(BronzeEvents.COST_MICROS))),
          new ValidationRule(
              INVALID_COUNTRY,
              window ->
                  col(BronzeEvents.COUNTRY)
                      .isNotNull()
                      .and(not(col(BronzeEvents.COUNTRY).rlike(COUNTRY_CODE)))),
          new ValidationRule(
              FUTURE_EVENT_TIME,
              window -> col(BronzeEvents.EVENT_TIME).geq(lit(window.futureBoundary()))),
          new ValidationRule(
              TOO_LATE,
              window -> UtcTime.date(col(BronzeEvents.EVENT_TIME)).lt(lit(window.earliestDate()))));

  private ValidationRules() {}

  public static List<String> names() {
    return ALL.stream().map(ValidationRule::name).toList();
  }

  /** True when the value is null or does not match: a null never passes a rule. */
  private static Column not(Column matches) {
    return matches.isNull().or(matches.equalTo(lit(false)));
  }

  /**
   * A value whose first byte is printable ASCII other than the space (0x21-0x7E) has a first
   * character that is no white space of any kind, so it is not blank: most values are decided by
   * two byte comparisons (UTF-8 strings compare bytewise), and only the rest go through the regex.
   */
  private static Column blank(String column) {
    Column value = col(column);
    Column startsWithVisibleAscii = value.geq(lit("!")).and(value.lt(lit(AFTER_VISIBLE_ASCII)));
    return value.isNull().or(not(startsWithVisibleAscii).and(value.rlike(BLANK)));
  }

  private static Column below0(String column) {
    return col(column).isNotNull().and(col(column).lt(lit(0)));
  }
}
