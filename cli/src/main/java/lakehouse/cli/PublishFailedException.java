package lakehouse.cli;

import lakehouse.shared.error.LakehouseException;

/**
 * The publish step of {@code run --publish} failed after the tables were promoted: said in one
 * line, led by {@code publish:} so the user knows only the publish needs running again.
 */
final class PublishFailedException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  PublishFailedException(LakehouseException cause) {
    super("publish: " + cause.getMessage(), cause);
  }
}
