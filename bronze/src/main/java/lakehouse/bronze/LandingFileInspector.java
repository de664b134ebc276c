package lakehouse.bronze;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import lakehouse.shared.schema.AdEventSchemas;
import lakehouse.shared.schema.SchemaVersion;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.FsInput;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Decides whether a landing file is accepted: its writer schema must be registered and every block
 * must decode. The whole file is read, because a file is accepted or rejected whole: a truncated
 * file whose first records read fine must not leave those records in the lake.
 */
public final class LandingFileInspector implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AdEventSchemas schemas;

  public LandingFileInspector(AdEventSchemas schemas) {
    this.schemas = schemas;
  }

  public FileInspection inspect(LandingFile file, Configuration hadoop) {
    DataFileReader<GenericRecord> reader;
    try {
      reader =
          new DataFileReader<>(
              new FsInput(new Path(file.path()), hadoop), new GenericDatumReader<>());
    } catch (IOException | AvroRuntimeException e) {
      return FileInspection.rejected(
          file, RejectionReason.CORRUPT_FILE, "not a readable Avro container: " + describe(e));
    }
    try (reader) {
      long headerEnd = reader.previousSync();
      Optional<SchemaVersion> version = schemas.recognise(reader.getSchema());
      if (version.isEmpty()) {
        return FileInspection.rejected(
            file,
            RejectionReason.UNKNOWN_SCHEMA,
            "writer schema "
                + reader.getSchema().getFullName()
                + " is not a registered ad event version");
      }
      long records = 0;
      GenericRecord reuse = null;
      while (reader.hasNext()) {
        reuse = reader.next(reuse);
        records++;
      }
      if (!endsWithSyncMarker(file, headerEnd, hadoop)) {
        return FileInspection.rejected(
            file,
            RejectionReason.CORRUPT_FILE,
            "cannot be read to its end: truncated inside a data block after "
                + records
                + " records");
      }
      return FileInspection.accepted(file, version.get().number(), records);
    } catch (IOException | RuntimeException e) {
      return FileInspection.rejected(
          file, RejectionReason.CORRUPT_FILE, "cannot be read to its end: " + describe(e));
    }
  }

  /**
   * Avro's reader takes an end of file inside a block for the end of the data, so a truncated file
   * would silently lose its last records. Every complete container ends with the sync marker that
   * closes its header (the 16 bytes before the first block), after the last block: check that.
   */
  private static boolean endsWithSyncMarker(LandingFile file, long headerEnd, Configuration hadoop)
      throws IOException {
    int size = DataFileConstants.SYNC_SIZE;
    if (headerEnd < size || file.length() < headerEnd) {
      return false;
    }
    try (FsInput input = new FsInput(new Path(file.path()), hadoop)) {
      return Arrays.equals(
          readAt(input, headerEnd - size, size), readAt(input, input.length() - size, size));
    }
  }

  private static byte[] readAt(FsInput input, long position, int size) throws IOException {
    byte[] bytes = new byte[size];
    input.seek(position);
    int read = 0;
    while (read < size) {
      int n = input.read(bytes, read, size - read);
      if (n < 0) {
        throw new java.io.EOFException("unexpected end of file at " + (position + read));
      }
      read += n;
    }
    return bytes;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName()
        + (message == null ? "" : " " + message.replace('\n', ' '));
  }
}
