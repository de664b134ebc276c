package lakehouse.bronze;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lakehouse.shared.schema.AdEventSchemas;
import lakehouse.shared.schema.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.FsInput;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Decides from its two ends whether a landing file can be ingested: its header must be an Avro
 * container whose writer schema is a registered version, and its last 16 bytes must be the sync
 * marker that closes the header, which every complete container ends with. No record is decoded
 * here: the write decodes each file once, and a file that then fails to decode anywhere is rejected
 * whole (see {@link UnreadableLandingFileException}).
 */
final class LandingFileInspector {
  /** Header and tail reads are latency bound on an object store: overlap a few of them. */
  private static final int MAX_PARALLEL_INSPECTIONS = 16;

  private final AdEventSchemas schemas;

  LandingFileInspector(AdEventSchemas schemas) {
    this.schemas = schemas;
    BoundedBlockCodecs.install();
  }

  /** Inspects the files concurrently, on the driver; results in the order of the files. */
  List<FileInspection> inspectAll(List<LandingFile> files, Configuration hadoop) {
    if (files.isEmpty()) {
      return List.of();
    }
    List<Callable<FileInspection>> inspections = new ArrayList<>();
    for (LandingFile file : files) {
      inspections.add(() -> inspect(file, hadoop));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(MAX_PARALLEL_INSPECTIONS, files.size()));
    try {
      List<FileInspection> results = new ArrayList<>();
      for (Future<FileInspection> result : pool.invokeAll(inspections)) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while inspecting landing files", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot inspect landing files", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  FileInspection inspect(LandingFile file, Configuration hadoop) {
    try (FsInput input = new FsInput(new Path(file.path()), hadoop)) {
      return inspect(file, input);
    } catch (IOException | RuntimeException e) {
      if (isMissing(e)) {
        return FileInspection.rejected(file, RejectionReason.MISSING_FILE, missing(e));
      }
      return FileInspection.rejected(
          file, RejectionReason.CORRUPT_FILE, "cannot be read: " + describe(e));
    }
  }

  /** How the detail of a file that was listed, then gone, begins. */
  static final String MISSING = "listed, then gone before it was read to its end";

  /** Whether a failure to read a file is the file not being there (any more). */
  static boolean isMissing(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.FileNotFoundException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** The detail of a file that was listed, then gone: said so, with what the store answered. */
  static String missing(Throwable e) {
    return MISSING + " (deleted or moved during the run): " + describe(e);
  }

  private FileInspection inspect(LandingFile file, FsInput input) throws IOException {
    long length = input.length();
    if (length == 0) {
      return FileInspection.rejected(file, RejectionReason.CORRUPT_FILE, "empty: zero bytes");
    }
    LandingFileHeader header;
    try {
      header =
          LandingFileHeader.parse(
              readAt(input, 0, (int) Math.min(length, LandingFileHeader.MAX_HEADER_BYTES)), length);
    } catch (LandingFileHeader.MalformedHeaderException e) {
      return FileInspection.rejected(file, RejectionReason.CORRUPT_FILE, e.getMessage());
    }
    Schema writerSchema;
    String codec;
    // Avro parses the header from memory: its lengths were checked, it reads no further.
    try (DataFileStream<GenericRecord> stream =
        new DataFileStream<>(header.stream(), new GenericDatumReader<>())) {
      writerSchema = stream.getSchema();
      codec = Objects.requireNonNullElse(stream.getMetaString(DataFileConstants.CODEC), "null");
    } catch (IOException | RuntimeException e) {
      return FileInspection.rejected(
          file, RejectionReason.CORRUPT_FILE, "not a readable Avro container: " + describe(e));
    }
    if (!BoundedBlockCodecs.CONTRACT_CODECS.contains(codec)) {
      return FileInspection.rejected(
          file,
          RejectionReason.CORRUPT_FILE,
          "codec "
              + codec
              + " is not one a landing file may use: "
              + new TreeSet<>(BoundedBlockCodecs.CONTRACT_CODECS));
    }
    Optional<SchemaVersion> version = schemas.recognise(writerSchema);
    if (version.isEmpty()) {
      return FileInspection.rejected(
          file,
          RejectionReason.UNKNOWN_SCHEMA,
          "writer schema " + writerSchema.getFullName() + " is not a registered ad event version");
    }
    if (!endsWithSyncMarker(input, header)) {
      return FileInspection.rejected(
          file,
          RejectionReason.CORRUPT_FILE,
          "cannot be read to its end: truncated, it does not end with its sync marker");
    }
    return FileInspection.accepted(file, version.get().number());
  }

  /**
   * Avro's reader takes an end of file inside a block for the end of the data, so a truncated file
   * would silently lose its last records. Every complete container ends with the sync marker that
   * closes its header (the 16 bytes before the first block), after the last block: check that.
   */
  private static boolean endsWithSyncMarker(FsInput input, LandingFileHeader header)
      throws IOException {
    int size = DataFileConstants.SYNC_SIZE;
    long length = input.length();
    if (length < header.end()) {
      return false;
    }
    return Arrays.equals(header.syncMarker(), readAt(input, length - size, size));
  }

  static byte[] readAt(FsInput input, long position, int size) throws IOException {
    byte[] bytes = new byte[size];
    input.seek(position);
    int read = 0;
    while (read < size) {
      int n = input.read(bytes, read, size - read);
      if (n < 0) {
        throw new EOFException("unexpected end of file at " + (position + read));
      }
      read += n;
    }
    return bytes;
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName()
        + (message == null ? "" : " " + message.replace('\n', ' '));
  }
}
