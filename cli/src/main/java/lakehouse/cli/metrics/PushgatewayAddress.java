package lakehouse.cli.metrics;

import io.prometheus.metrics.exporter.pushgateway.Scheme;
import java.net.URI;
import java.net.URISyntaxException;
import lakehouse.shared.config.ConfigurationException;

/**
 * {@code lakehouse.metrics.pushgateway} as the client takes it: {@code host:port}, or a URL whose
 * scheme says http or https.
 */
record PushgatewayAddress(Scheme scheme, String hostAndPort) {

  static PushgatewayAddress parse(String setting) {
    String value = setting.trim();
    if (!value.contains("://")) {
      return new PushgatewayAddress(Scheme.HTTP, value);
    }
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || uri.getPort() < 0) {
        throw invalid(setting, "expected host:port or http(s)://host:port");
      }
      Scheme scheme =
          switch (uri.getScheme()) {
            case "http" -> Scheme.HTTP;
            case "https" -> Scheme.HTTPS;
            default -> throw invalid(setting, "the scheme must be http or https");
          };
      return new PushgatewayAddress(scheme, uri.getHost() + ":" + uri.getPort());
    } catch (URISyntaxException e) {
      throw invalid(setting, e.getMessage());
    }
  }

  /** How reports and warnings name it. */
  String display() {
    return (scheme == Scheme.HTTPS ? "https://" : "http://") + hostAndPort;
  }

  private static ConfigurationException invalid(String setting, String problem) {
    return new ConfigurationException("lakehouse.metrics.pushgateway " + setting + ": " + problem);
  }
}
