package lakehouse.online.publish;

import lakehouse.shared.error.LakehouseException;

/**
 * The date to publish was never built: user_features has no partition for it (an empty partition
 * that gold promoted is built, and publishes nothing). The message names the table and date and
 * says what to run.
 */
public final class FeaturesNotBuiltException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  FeaturesNotBuiltException(String message) {
    super(message);
  }
}
