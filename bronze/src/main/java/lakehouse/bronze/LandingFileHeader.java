package lakehouse.bronze;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.avro.file.DataFileConstants;

/**
 * The header of a landing file, read whole into memory within a fixed budget and walked field by
 * field before Avro parses it. Avro's reader allocates whatever a length field of the header says
 * (a metadata map entry, the schema text) before it finds out that the file is shorter, so a
 * hostile header could make the driver allocate gigabytes; here every length is checked against the
 * bytes actually there first.
 */
final class LandingFileHeader {
  /**
   * The most the driver reads of one file to inspect its header. A registered ad event schema is a
   * few kilobytes and writers add a handful of short metadata entries, so 1 MiB leaves ample room
   * while bounding the driver to 16 MiB with the most inspections that run at once.
   */
  static final int MAX_HEADER_BYTES = 1 << 20;

  /** A zig-zag varint long takes at most 10 bytes; more is not a long. */
  private static final int MAX_VARLONG_BYTES = 10;

  private final byte[] bytes;
  private final int end;

  private LandingFileHeader(byte[] bytes, int end) {
    this.bytes = bytes;
    this.end = end;
  }

  /**
   * Walks the header at the start of {@code prefix}: magic, metadata map, sync marker.
   *
   * @param prefix the first bytes of the file, at most {@link #MAX_HEADER_BYTES}
   * @param fileLength the whole file's length, to tell a cut file from a header over the budget
   * @throws MalformedHeaderException saying what is wrong, in terms fit for a run report
   */
  static LandingFileHeader parse(byte[] prefix, long fileLength) throws MalformedHeaderException {
    Walk walk = new Walk(prefix, fileLength);
    walk.magic();
    walk.metadata();
    walk.skip(DataFileConstants.SYNC_SIZE, "sync marker");
    return new LandingFileHeader(prefix, walk.position);
  }

  /** Offset of the first byte after the header: where the first block starts. */
  int end() {
    return end;
  }

  /** The 16 bytes that close the header, and every block after it. */
  byte[] syncMarker() {
    return Arrays.copyOfRange(bytes, end - DataFileConstants.SYNC_SIZE, end);
  }

  /** The header alone, for Avro to parse: it cannot read past it into a length it trusted. */
  InputStream stream() {
    return new ByteArrayInputStream(bytes, 0, end);
  }

  /** A header that cannot be the header of an Avro container, or not within the budget. */
  static final class MalformedHeaderException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedHeaderException(String message) {
      super(message);
    }
  }

  /** A cursor over the prefix that refuses to go past the bytes it holds. */
  private static final class Walk {
    private final byte[] prefix;
    private final long fileLength;
    private int position;

    Walk(byte[] prefix, long fileLength) {
      this.prefix = prefix;
      this.fileLength = fileLength;
    }

    void magic() throws MalformedHeaderException {
      byte[] magic = DataFileConstants.MAGIC;
      if (prefix.length < magic.length
          || !Arrays.equals(prefix, 0, magic.length, magic, 0, magic.length)) {
        throw new MalformedHeaderException("not an Avro container: it does not start with 'Obj'1");
      }
      position = magic.length;
    }

    /** A map of bytes: blocks of entries, each a count (negative: then a byte size), then 0. */
    void metadata() throws MalformedHeaderException {
      while (true) {
        long count = varLong("metadata block count");
        if (count == 0) {
          return;
        }
        if (count < 0) {
          count = -count;
          varLong("metadata block size");
        }
        // Each entry takes at least two bytes (two lengths), which bounds any honest count.
        if (count < 0 || count > (prefix.length - position) / 2) {
          throw beyond("metadata entry count " + count);
        }
        for (long i = 0; i < count; i++) {
          lengthPrefixed("metadata key");
          lengthPrefixed("metadata value");
        }
      }
    }

    private void lengthPrefixed(String what) throws MalformedHeaderException {
      long length = varLong(what + " length");
      if (length < 0) {
        throw new MalformedHeaderException("not an Avro container: negative " + what + " length");
      }
      skip(length, what);
    }

    void skip(long length, String what) throws MalformedHeaderException {
      if (length > prefix.length - position) {
        throw beyond(what + " of " + length + " bytes");
      }
      position += (int) length;
    }

    private long varLong(String what) throws MalformedHeaderException {
      long raw = 0;
      for (int shift = 0, read = 0; read < MAX_VARLONG_BYTES; shift += 7, read++) {
        if (position >= prefix.length) {
          throw beyond(what);
        }
        int b = prefix[position++] & 0xFF;
        raw |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (raw >>> 1) ^ -(raw & 1);
        }
      }
      throw new MalformedHeaderException("not an Avro container: malformed " + what);
    }

    /** Past the bytes held: either the file ends there, or its header is over the budget. */
    private MalformedHeaderException beyond(String what) {
      if (fileLength <= prefix.length) {
        return new MalformedHeaderException(
            "truncated in its header: " + what + " goes past its end at byte " + fileLength);
      }
      return new MalformedHeaderException(
          "header larger than the "
              + MAX_HEADER_BYTES
              + " bytes inspection reads: "
              + what
              + " goes past them");
    }
  }
}
