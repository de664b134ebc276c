package lakehouse.shared.run;

import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of a command, as written in its report, with the exit status it maps to. */
public enum RunStatus {
  SUCCEEDED("succeeded", 0),
  SUCCEEDED_WITH_REJECTIONS("succeeded_with_rejections", 3),
  FAILED("failed", 1);

  private final String label;
  private final int exitStatus;

  RunStatus(String label, int exitStatus) {
    this.label = label;
    this.exitStatus = exitStatus;
  }

  @JsonValue
  public String label() {
    return label;
  }

  public int exitStatus() {
    return exitStatus;
  }
}
