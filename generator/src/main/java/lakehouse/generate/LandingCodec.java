package lakehouse.generate;

import org.apache.avro.file.CodecFactory;

/**
 * The compression of generated files: snappy (fast, and what producers usually use), or deflate at
 * level 1 where snappy's native library cannot load. The choice is made once per JVM, so all files
 * of a generation share it.
 */
final class LandingCodec {
  private static final boolean SNAPPY_WORKS = snappyLoads();

  private LandingCodec() {}

  static CodecFactory codec() {
    return SNAPPY_WORKS ? CodecFactory.snappyCodec() : CodecFactory.deflateCodec(1);
  }

  static String name() {
    return SNAPPY_WORKS ? "snappy" : "deflate";
  }

  private static boolean snappyLoads() {
    try {
      org.xerial.snappy.Snappy.compress(new byte[] {1, 2, 3});
      return true;
    } catch (Exception | LinkageError | org.xerial.snappy.SnappyError e) {
      // No native snappy for this platform: deflate is slower but everywhere.
      return false;
    }
  }
}
