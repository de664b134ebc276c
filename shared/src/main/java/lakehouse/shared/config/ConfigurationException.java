package lakehouse.shared.config;

import lakehouse.shared.error.LakehouseException;

/**
 * A setting or option the lakehouse cannot start with. Its message is one line that names the key,
 * file or option; the command line turns it into exit status 2 before Spark starts.
 */
public class ConfigurationException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(Kind.USAGE, message, null);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(Kind.USAGE, message, cause);
  }
}
