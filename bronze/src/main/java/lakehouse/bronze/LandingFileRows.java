package lakehouse.bronze;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.schema.SchemaVersion;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableInput;
import org.apache.avro.mapred.FsInput;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Streams the bronze rows of one accepted landing file, decoding it block by block as the write
 * consumes them. Anything that keeps the file from being read to its end (a block that does not
 * decompress or decode, a block cut short, a file that changed since it was listed) throws an
 * {@link UnreadableLandingFileException} naming the file, which fails the write before its commit;
 * so no row of such a file is ever committed. At the end it reports how many records it read.
 */
final class LandingFileRows implements Iterator<InternalRow> {
  private final LandingFile file;
  private final Consumer<FileRecordCount> completed;
  private final AdEventRowReader rows;
  private final DataFileReader<InternalRow> reader;
  private boolean done;

  LandingFileRows(
      FileInspection inspection,
      SchemaVersion version,
      PiiTokenizer tokenizer,
      LocalDate ingestDate,
      String runId,
      Configuration hadoop,
      Consumer<FileRecordCount> completed) {
    this.file = inspection.file();
    this.completed = completed;
    this.rows = new AdEventRowReader(version, tokenizer, file, ingestDate, runId);
    // Before the reader looks its codec up: an executor may decode before it inspects anything.
    BoundedBlockCodecs.install();
    DataFileReader<InternalRow> opened;
    try {
      opened = new DataFileReader<>(open(file, hadoop), rows);
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
    this.reader = opened;
  }

  /** The file as listed: the same length and modification time, or it is another delivery. */
  private static SeekableInput open(LandingFile file, Configuration hadoop) throws IOException {
    Path path = new Path(file.path());
    FileSystem fs = path.getFileSystem(hadoop);
    FileStatus status = fs.getFileStatus(path);
    if (status.getLen() != file.length()
        || status.getModificationTime() != file.modificationTime()) {
      throw new IOException(
          "it changed since it was listed (now "
              + status.getLen()
              + " bytes, modified at "
              + status.getModificationTime()
              + ")");
    }
    FsInput input = new FsInput(path, fs);
    try {
      // The header was inspected on the driver; read again here, its end is where blocks start.
      byte[] prefix =
          LandingFileInspector.readAt(
              input, 0, (int) Math.min(input.length(), LandingFileHeader.MAX_HEADER_BYTES));
      long headerEnd = LandingFileHeader.parse(prefix, input.length()).end();
      input.seek(0);
      return new BlockFramingCheck(input, headerEnd);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /** Releases the file when the task ends before reading it to its end. */
  void close() {
    done = true;
    try {
      reader.close();
    } catch (IOException e) {
      // Nothing was committed from a file whose read was abandoned; its handle is all that is left.
    }
  }

  @Override
  public boolean hasNext() {
    if (done) {
      return false;
    }
    try {
      if (reader.hasNext()) {
        return true;
      }
      // Avro's reader stops silently at an end of file inside a block: the data read is complete
      // only if the last sync marker it passed is the file's last 16 bytes.
      if (reader.previousSync() != file.length()) {
        throw new IOException(
            "its data ends inside a block (the last complete block ends at byte "
                + reader.previousSync()
                + " of "
                + file.length()
                + ")");
      }
      reader.close();
    } catch (IOException | RuntimeException e) {
      close();
      throw unreadable(e);
    }
    done = true;
    completed.accept(new FileRecordCount(file.fingerprint(), rows.records()));
    return false;
  }

  @Override
  public InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      return reader.next();
    } catch (RuntimeException e) {
      close();
      throw unreadable(e);
    }
  }

  private RuntimeException unreadable(Exception e) {
    if (e instanceof UnreadableLandingFileException unreadable) {
      return unreadable;
    }
    if (isInterruption(e)) {
      // The task is being killed (another file failed the write): not this file's fault.
      return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
    if (LandingFileInspector.isMissing(e)) {
      return new UnreadableLandingFileException(
          file, LandingFileInspector.missing(e) + ", after " + rows.records() + " records", e);
    }
    return new UnreadableLandingFileException(
        file, "after " + rows.records() + " records: " + LandingFileInspector.describe(e), e);
  }

  private static boolean isInterruption(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedIOException
          || cause instanceof ClosedByInterruptException
          || cause instanceof InterruptedException) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }
}
