package lakehouse.generate;

/** The ways a generated record breaks validation, each breaking exactly one quarantine rule. */
enum InvalidKind {
  BAD_EVENT_ID("invalid_event_id"),
  BLANK_USER_ID("missing_user_id"),
  BLANK_AD_ID("missing_ad_id"),
  BLANK_CAMPAIGN_ID("missing_campaign_id"),
  NEGATIVE_COST("negative_cost"),
  LOWERCASE_COUNTRY("invalid_country"),
  THREE_LETTER_COUNTRY("invalid_country");

  private final String reason;

  InvalidKind(String reason) {
    this.reason = reason;
  }

  /** The contract's quarantine reason for this defect. */
  String reason() {
    return reason;
  }
}
