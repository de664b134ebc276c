package lakehouse.bronze;

import java.io.Serializable;

/**
 * What the ends of one landing file say: its registered schema version, or why it is rejected.
 *
 * @param schemaVersion registered version number, or 0 when rejected
 * @param rejection null when the file is accepted
 * @param detail what went wrong, for the report; never record contents
 */
record FileInspection(LandingFile file, int schemaVersion, RejectionReason rejection, String detail)
    implements Serializable {

  static FileInspection accepted(LandingFile file, int schemaVersion) {
    return new FileInspection(file, schemaVersion, null, null);
  }

  static FileInspection rejected(LandingFile file, RejectionReason reason, String detail) {
    return new FileInspection(file, 0, reason, detail);
  }

  boolean isAccepted() {
    return rejection == null;
  }

  RejectedFile asRejected() {
    return new RejectedFile(file.relativePath(), rejection, detail);
  }
}
