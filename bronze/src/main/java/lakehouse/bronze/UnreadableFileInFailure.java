package lakehouse.bronze;

import java.util.List;
import java.util.Optional;

/**
 * Finds, in the failure of a write, the file of the batch whose decoding failed it: the {@link
 * UnreadableLandingFileException} among the causes, as Spark hands a task's exception to the
 * driver; or, should a cluster hand over only its text, the file that text names.
 *
 * @param file the file of the batch
 * @param detail what failed, for the report
 */
record UnreadableFileInFailure(FileInspection file, String detail) {

  /** Why the file is rejected: gone since it was listed, or else unreadable. */
  RejectionReason reason() {
    return detail.startsWith(LandingFileInspector.MISSING)
        ? RejectionReason.MISSING_FILE
        : RejectionReason.CORRUPT_FILE;
  }

  static Optional<UnreadableFileInFailure> find(Throwable failure, List<FileInspection> batch) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof UnreadableLandingFileException unreadable) {
        for (FileInspection file : batch) {
          if (file.file().fingerprint().equals(unreadable.fingerprint())) {
            return Optional.of(new UnreadableFileInFailure(file, unreadable.detail()));
          }
        }
      }
    }
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      String message = cause.getMessage();
      if (message == null) {
        continue;
      }
      for (FileInspection file : batch) {
        String named = UnreadableLandingFileException.messagePrefix(file.file());
        int at = message.indexOf(named);
        if (at >= 0) {
          int end = message.indexOf('\n', at);
          String detail =
              message.substring(at + named.length(), end < 0 ? message.length() : end).strip();
          return Optional.of(new UnreadableFileInFailure(file, detail));
        }
      }
    }
    return Optional.empty();
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
