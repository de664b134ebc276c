package lakehouse.cli;

import lakehouse.online.publish.VerifyReport;
import lakehouse.shared.error.LakehouseException;

/**
 * {@code publish --verify} found users whose hash in the online store is not what gold holds as of
 * the date, or has none: one line with the counts and what to do (the differences themselves are on
 * the console above it and in the report's {@code verify} object).
 */
final class OnlineStoreDiffersException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  OnlineStoreDiffersException(VerifyReport verify) {
    super(
        "verify: the online store differs from gold as of "
            + verify.asOfDate()
            + ": "
            + verify.usersDiffering()
            + " of "
            + verify.usersSampled()
            + " users read back differ ("
            + verify.valuesDiffering()
            + " values, "
            + verify.fieldsExtra()
            + " extra fields), "
            + verify.keysMissing()
            + " keys missing; publish --date "
            + verify.asOfDate()
            + " again to rewrite them");
  }
}
