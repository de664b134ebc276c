package lakehouse.silver.replay;

import java.util.List;
import lakehouse.shared.error.LakehouseException;

/** A reason to replay that names no validation rule: a usage error, said in one line. */
public final class UnknownReasonException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  UnknownReasonException(String reason, List<String> known) {
    super(
        Kind.USAGE,
        "--reason " + reason + " is no quarantine reason; one of " + String.join(", ", known),
        null);
  }
}
