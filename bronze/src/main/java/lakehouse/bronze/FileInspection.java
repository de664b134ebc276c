package lakehouse.bronze;

import java.io.Serializable;

/**
 * What reading one landing file to its end found: its schema version and record count, or why it is
 * rejected.
 *
 * @param schemaVersion registered version number, or 0 when rejected
 * @param rejection null when the file is accepted
 * @param detail what went wrong, for the report; never record contents
 */
public record FileInspection(
    LandingFile file, int schemaVersion, long records, RejectionReason rejection, String detail)
    implements Serializable {

  public static FileInspection accepted(LandingFile file, int schemaVersion, long records) {
    return new FileInspection(file, schemaVersion, records, null, null);
  }

  public static FileInspection rejected(LandingFile file, RejectionReason reason, String detail) {
    return new FileInspection(file, 0, 0, reason, detail);
  }

  public boolean isAccepted() {
    return rejection == null;
  }
}
