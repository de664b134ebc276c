package lakehouse.bronze;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a landing file was rejected whole, as the contract names it in run reports. */
public enum RejectionReason {
  /** The file's writer schema is not one of the registered versions. */
  UNKNOWN_SCHEMA("unknown_schema"),
  /** The file cannot be read to its end: truncated, corrupt, or not an Avro container at all. */
  CORRUPT_FILE("corrupt_file"),
  /**
   * The file was listed, then gone when it was read: deleted or moved during the run. Nothing of it
   * was ingested; the next run of its date ingests it if it is there again.
   */
  MISSING_FILE("missing_file");

  private final String label;

  RejectionReason(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }
}
