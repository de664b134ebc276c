package lakehouse.gold.training;

/** The columns an entity file must have, and the one a training set adds to every row. */
public final class EntityColumns {
  public static final String USER_ID = "user_id";
  public static final String EVENT_TIMESTAMP = "event_timestamp";

  /** Optional: when present, each row also gets campaign_daily of the day before. */
  public static final String CAMPAIGN_ID = "campaign_id";

  /**
   * Added: the row's position in the entity file, from 0. The output is sorted by it, so it
   * preserves input order and tells duplicate entity rows apart.
   */
  public static final String ROW_NUMBER = "row_number";

  private EntityColumns() {}
}
