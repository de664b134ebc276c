package lakehouse.shared.io;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Small files of the lake (reports, markers) written so that a reader never sees half of one. */
public final class LakeFiles {
  private LakeFiles() {}

  /**
   * Writes the bytes to the path, replacing what was there. On S3 an object becomes visible only when
   * its upload completes, so it is written in place; on other file systems it is written under a
   * hidden name and renamed, which is atomic there.
   */
  public static void writeAtomically(String path, byte[] bytes, Configuration hadoop) throws IOException {
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(hadoop);
    if (isObjectStore(fs)) {
      try (FSDataOutputStream out = fs.create(target, true)) {
        out.write(bytes);
      }
      return;
    }
    Path temporary = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try (FSDataOutputStream out = fs.create(temporary, false)) {
      out.write(bytes);
    }
    fs.delete(target, false);
    if (!fs.rename(temporary, target)) {
      fs.delete(temporary, false);
      throw new IOException("cannot move " + temporary + " to " + target);
    }
  }

  public static boolean isObjectStore(FileSystem fs) {
    String scheme = fs.getScheme();
    return scheme.startsWith("s3") || scheme.equals("gs") || scheme.startsWith("abfs") || scheme.startsWith("wasb");
  }
}
