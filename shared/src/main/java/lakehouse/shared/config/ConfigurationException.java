package lakehouse.shared.config;

/**
 * A setting or option the lakehouse cannot start with. Its message is one line that names the key,
 * file or option; the command line turns it into exit status 2 before Spark starts.
 */
public class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
