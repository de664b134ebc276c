package lakehouse.bronze;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One landing file as listed at the start of a run.
 *
 * @param path absolute path, as the file system names it
 * @param relativePath path under the lake root, as reports and lineage name it
 * @param fingerprint identity of this delivery of the file: its path, length and modification time.
 *     A file delivered again with other content under the same name gets a new fingerprint, so it
 *     is ingested again; the same delivery is never ingested twice.
 */
public record LandingFile(
    String path, String relativePath, long length, long modificationTime, String fingerprint)
    implements Serializable {

  public static LandingFile of(
      String path, String relativePath, long length, long modificationTime) {
    return new LandingFile(
        path,
        relativePath,
        length,
        modificationTime,
        fingerprint(relativePath, length, modificationTime));
  }

  private static String fingerprint(String relativePath, long length, long modificationTime) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (relativePath + "\n" + length + "\n" + modificationTime)
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
