package lakehouse.bronze;

/**
 * A landing file that could not be decoded to its end while its rows were being written. Thrown in
 * the task that reads the file, it fails the write before anything is committed; the driver finds
 * it in the failure, rejects the file it names and writes the batch again without it.
 */
final class UnreadableLandingFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String fingerprint;
  private final String detail;

  UnreadableLandingFileException(LandingFile file, String detail, Throwable cause) {
    super(messagePrefix(file) + detail, cause);
    this.fingerprint = file.fingerprint();
    this.detail = detail;
  }

  /** How the message names the file, before the detail. */
  static String messagePrefix(LandingFile file) {
    return "landing file " + file.relativePath() + " cannot be read to its end: ";
  }

  /** The fingerprint of the file, which names it among the batch's files. */
  String fingerprint() {
    return fingerprint;
  }

  /** What failed, for the report; never record contents. */
  String detail() {
    return detail;
  }
}
