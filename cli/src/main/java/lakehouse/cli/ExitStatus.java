package lakehouse.cli;

/** The exit statuses of the contract. */
public final class ExitStatus {
  public static final int DONE = 0;

  /** Failed; what was promoted before the failure stays consistent. */
  public static final int FAILED = 1;

  /** Bad usage or configuration, said in one line naming the option. */
  public static final int USAGE = 2;

  /** Done, but some input files were rejected. */
  public static final int DONE_WITH_REJECTIONS = 3;

  private ExitStatus() {}
}
