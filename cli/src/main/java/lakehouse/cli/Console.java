package lakehouse.cli;

import java.io.PrintStream;

/**
 * What a person running a command sees: one progress line per step on standard output, problems on
 * standard error. Logs go elsewhere (log4j); this is the command's own voice. Never given personal
 * data: callers pass counts, paths and names only.
 */
public final class Console {
  private final PrintStream out;
  private final PrintStream err;

  public Console(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static Console system() {
    return new Console(System.out, System.err);
  }

  public void progress(String line) {
    out.println(line);
    out.flush();
  }

  public void warn(String line) {
    err.println("warning: " + line);
    err.flush();
  }

  public void error(String line) {
    err.println("error: " + line);
    err.flush();
  }
}
