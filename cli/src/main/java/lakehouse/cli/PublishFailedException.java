package lakehouse.cli;

/**
 * The publish step of {@code run --publish} failed after the tables were promoted: said in one line,
 * led by {@code publish:} so the user knows only the publish needs running again.
 */
final class PublishFailedException extends Exception {
  PublishFailedException(Exception cause) {
    super("publish: " + cause.getMessage(), cause);
  }
}
