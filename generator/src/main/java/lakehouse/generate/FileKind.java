package lakehouse.generate;

import java.util.Optional;

/** What a generated landing file is, and so what the lakehouse is expected to do with it. */
public enum FileKind {
  /** An hourly dump in a registered schema version: every record is ingested. */
  EVENTS(null),
  /** A container cut in the middle of a data block: its header reads, its records do not. */
  CORRUPT("corrupt_file"),
  /** A readable container whose writer schema is not a registered version. */
  UNREGISTERED_SCHEMA("unknown_schema");

  private final String rejectionReason;

  FileKind(String rejectionReason) {
    this.rejectionReason = rejectionReason;
  }

  /** The reason the contract gives for rejecting such a file whole, if it is to be rejected. */
  public Optional<String> expectedRejection() {
    return Optional.ofNullable(rejectionReason);
  }
}
