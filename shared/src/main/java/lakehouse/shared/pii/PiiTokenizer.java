package lakehouse.shared.pii;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data by a token: lowercase hex HMAC-SHA256 of the UTF-8 value under the lake's
 * secret key. Same value and key, same token, so tokens still join; without the key they cannot be
 * reversed. The key is never printed: {@link #toString()} hides it.
 */
public final class PiiTokenizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient Mac mac;

  public PiiTokenizer(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("the PII key must not be empty");
    }
    this.key = key.clone();
  }

  public static PiiTokenizer fromSecret(String secret) {
    return new PiiTokenizer(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The token of a value; null stays null (an absent value is not personal data). */
  public String token(String value) {
    if (value == null) {
      return null;
    }
    return HexFormat.of().formatHex(mac().doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(key, ALGORITHM));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
      }
    }
    return mac;
  }

  @Override
  public String toString() {
    return "PiiTokenizer[HMAC-SHA256, key hidden]";
  }
}
