package lakehouse.bronze;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import lakehouse.shared.pii.PiiTokenizer;
import org.apache.avro.util.Utf8;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Avro text (UTF-8 bytes as they are in the file) to Spark text, byte for byte what decoding it to
 * a Java String first gives, as Avro's generic reader does: malformed UTF-8 is replaced the same
 * way, and a token is the token of the same String.
 */
final class AvroText {
  private AvroText() {}

  /** A copy of the text: the decoder reuses its buffer for the next value. */
  static UTF8String of(Utf8 text) {
    byte[] bytes = text.getBytes();
    int length = text.getByteLength();
    // Pure ASCII (nearly all of it) survives the round trip through a Java String unchanged, so it
    // is copied as it is; any other text takes the round trip.
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        return UTF8String.fromString(new String(bytes, 0, length, StandardCharsets.UTF_8));
      }
    }
    return UTF8String.fromBytes(Arrays.copyOf(bytes, length));
  }

  static UTF8String token(Utf8 text, PiiTokenizer tokenizer) {
    return UTF8String.fromString(
        tokenizer.token(
            new String(text.getBytes(), 0, text.getByteLength(), StandardCharsets.UTF_8)));
  }
}
