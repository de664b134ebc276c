package lakehouse.shared.error;

/**
 * A failure the user can act on, as opposed to a bug: its message alone is the whole story (it
 * names the file, option, table or partition and says what to do), so the command line prints it as
 * one line without a class name or stack trace, and exits with the status its {@link Kind} gives.
 * Every user-facing failure of the lakehouse extends it; anything else that escapes a command is a
 * bug.
 */
public class LakehouseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure it is: decides the exit status and how the command line words it. */
  public enum Kind {
    /** A wrong option or setting; nothing was started. Exit status 2. */
    USAGE(2),
    /** The lake was busy with another writer and the command did not start. Exit status 1. */
    REFUSED(1),
    /**
     * The command started and could not finish; what it committed stays consistent. Exit status 1.
     */
    FAILED(1);

    private final int exitStatus;

    Kind(int exitStatus) {
      this.exitStatus = exitStatus;
    }

    public int exitStatus() {
      return exitStatus;
    }
  }

  private final Kind kind;

  /** A {@link Kind#FAILED} failure. */
  public LakehouseException(String message) {
    this(Kind.FAILED, message, null);
  }

  /** A {@link Kind#FAILED} failure. */
  public LakehouseException(String message, Throwable cause) {
    this(Kind.FAILED, message, cause);
  }

  protected LakehouseException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The contract's exit status for this failure. */
  public int exitStatus() {
    return kind.exitStatus();
  }
}
