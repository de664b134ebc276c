package lakehouse.gold.training;

import lakehouse.shared.error.LakehouseException;

/** An entity file or option a training set cannot be built from; nothing was written. */
public final class TrainingSetUsageException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  public TrainingSetUsageException(String message) {
    super(Kind.USAGE, message, null);
  }
}
