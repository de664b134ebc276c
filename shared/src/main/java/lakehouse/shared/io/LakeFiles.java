package lakehouse.shared.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import lakehouse.shared.lake.LakeStorage;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * Files of the lake that are not tables (reports, ledgers, leases) written so that a reader never
 * sees half of one.
 */
public final class LakeFiles {
  private LakeFiles() {}

  private static final int UPLOAD_BUFFER_BYTES = 1 << 16;

  /**
   * Something that writes a file's bytes. It may close the stream it is given (writers often do).
   */
  @FunctionalInterface
  public interface FileContent {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes the bytes to the path, replacing what was there; see {@link #writeAtomically(String,
   * FileContent, Configuration)}.
   */
  public static void writeAtomically(String path, byte[] bytes, Configuration hadoop)
      throws IOException {
    writeAtomically(path, out -> out.write(bytes), hadoop);
  }

  /**
   * Writes the content to the path, replacing what was there. On an object store an object becomes
   * visible only when its upload completes, so it is written in place and, if writing fails, the
   * upload is aborted instead of completed (a rename there would be a copy, visible while it runs).
   * On other file systems it is written under a hidden name and renamed, which is atomic there.
   */
  public static void writeAtomically(String path, FileContent content, Configuration hadoop)
      throws IOException {
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(hadoop);
    if (LakeStorage.ofScheme(fs.getScheme()).isObjectStore()) {
      uploadWhole(fs, target, content);
      return;
    }
    Path temporary =
        new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try (FSDataOutputStream out = fs.create(temporary, false)) {
      content.writeTo(out);
    } catch (IOException | RuntimeException e) {
      fs.delete(temporary, false);
      throw e;
    }
    fs.delete(target, false);
    if (!fs.rename(temporary, target)) {
      fs.delete(temporary, false);
      throw new IOException("cannot move " + temporary + " to " + target);
    }
  }

  /**
   * The content gets a stream whose close only flushes: closing the upload stream completes the
   * upload, which must happen only once all of the content was written.
   */
  private static void uploadWhole(FileSystem fs, Path target, FileContent content)
      throws IOException {
    FSDataOutputStream out = fs.create(target, true);
    try {
      OutputStream uncompleted =
          new BufferedOutputStream(out, UPLOAD_BUFFER_BYTES) {
            @Override
            public void close() throws IOException {
              flush();
            }
          };
      content.writeTo(uncompleted);
      uncompleted.flush();
    } catch (IOException | RuntimeException e) {
      discard(fs, target, out);
      throw e;
    }
    out.close();
  }

  /**
   * Closing would complete the upload of the half written so far: abort it where the store allows.
   */
  private static void discard(FileSystem fs, Path target, FSDataOutputStream out) {
    try {
      if (out.hasCapability(StreamCapabilities.ABORTABLE_STREAM)) {
        out.abort();
      } else {
        out.close();
        fs.delete(target, false);
      }
    } catch (IOException | RuntimeException suppressed) {
      // The write's own failure is the one to report; the upload was not completed by us.
    }
  }
}
