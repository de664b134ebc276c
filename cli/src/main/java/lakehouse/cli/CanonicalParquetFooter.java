package lakehouse.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Copies a Parquet file with its footer's per-column encoding lists sorted.
 *
 * <p>Why: the Parquet writer collects a column chunk's encodings in a hash set of enum constants,
 * whose order follows identity hash codes and so changes from one JVM to the next; the same rows
 * written by two processes then differ in a few footer bytes. Sorted, the file depends on its rows
 * alone. Only the footer is parsed; the data pages are copied as they are, and the footer keeps its
 * length, so every offset stays valid.
 */
final class CanonicalParquetFooter {
  /** A Parquet file ends with the footer's length (4 bytes, little endian) and {@code PAR1}. */
  private static final int TAIL = 8;

  private static final int COPY_BUFFER = 1 << 16;

  private CanonicalParquetFooter() {}

  static void copy(FileSystem fs, Path source, Path target) throws IOException {
    long length = fs.getFileStatus(source).getLen();
    byte[] tail = new byte[TAIL];
    byte[] footer;
    try (FSDataInputStream in = fs.open(source)) {
      in.readFully(length - TAIL, tail);
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      footer = new byte[footerLength];
      in.readFully(length - TAIL - footerLength, footer);
    }
    byte[] sorted = sortedEncodings(footer);
    if (sorted.length != footer.length) {
      throw new IOException("the canonical footer of " + source + " changed its length");
    }
    try (InputStream in = fs.open(source);
        OutputStream out = fs.create(target, false)) {
      copy(in, out, length - TAIL - footer.length);
      out.write(sorted);
      out.write(tail);
    }
    fs.delete(source, false);
  }

  private static byte[] sortedEncodings(byte[] footer) throws IOException {
    FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
    for (RowGroup group : metadata.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        if (column != null && column.getEncodings() != null) {
          List<Encoding> encodings =
              column.getEncodings().stream()
                  .sorted(Comparator.comparingInt(Encoding::getValue))
                  .toList();
          column.setEncodings(new ArrayList<>(encodings));
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(footer.length);
    Util.writeFileMetaData(metadata, out);
    return out.toByteArray();
  }

  private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    long left = bytes;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("file ended " + left + " bytes early");
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }
}
