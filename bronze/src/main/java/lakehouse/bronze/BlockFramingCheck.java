package lakehouse.bronze;

import java.io.IOException;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.SeekableInput;

/**
 * A landing file as Avro's reader reads it, that checks each block's framing in the bytes as they
 * pass, before the reader parses them. Avro allocates a buffer of whatever size a block's length
 * field says (up to 2 GiB) before it reads the block, so a hostile length would take a task's
 * memory; here a block that claims more bytes than the file has left, or a negative record count,
 * fails the read first. A container is a header, then blocks: record count, byte size, that many
 * bytes, sync marker. A block is also held to the most a landing file's block may hold ({@link
 * BoundedBlockCodecs#MAX_BLOCK_BYTES}), which bounds what Avro allocates for it on a long file too.
 */
final class BlockFramingCheck implements SeekableInput {
  /** A zig-zag varint long takes at most 10 bytes. */
  private static final int MAX_VARLONG_BYTES = 10;

  private enum Field {
    HEADER,
    RECORD_COUNT,
    BYTE_SIZE,
    DATA,
    SYNC,
    /** After a seek the reader is no longer where the walk is: checking stops. */
    UNCHECKED
  }

  private final SeekableInput input;
  private final long length;
  private long position;
  private Field field = Field.HEADER;

  /** Where the current field ends, for the fields of known size. */
  private long fieldEnd;

  private long varLong;
  private int varLongBytes;

  /**
   * @param headerEnd offset of the first block, from {@link LandingFileHeader}
   */
  BlockFramingCheck(SeekableInput input, long headerEnd) throws IOException {
    this.input = input;
    this.length = input.length();
    this.position = input.tell();
    this.fieldEnd = headerEnd;
  }

  @Override
  public int read(byte[] bytes, int offset, int count) throws IOException {
    int read = input.read(bytes, offset, count);
    if (read > 0) {
      walk(bytes, offset, read);
    }
    return read;
  }

  private void walk(byte[] bytes, int offset, int count) throws IOException {
    int i = offset;
    int end = offset + count;
    while (i < end) {
      switch (field) {
        case UNCHECKED -> {
          position += end - i;
          return;
        }
        case HEADER, DATA, SYNC -> {
          int skipped = (int) Math.min(fieldEnd - position, end - i);
          i += skipped;
          position += skipped;
          if (position == fieldEnd) {
            endOfSizedField();
          }
        }
        case RECORD_COUNT, BYTE_SIZE -> {
          varLongByte(bytes[i]);
          i++;
        }
      }
    }
  }

  private void endOfSizedField() {
    if (field == Field.DATA) {
      field = Field.SYNC;
      fieldEnd = position + DataFileConstants.SYNC_SIZE;
    } else {
      field = Field.RECORD_COUNT;
    }
  }

  private void varLongByte(byte b) throws IOException {
    long start = position;
    position++;
    varLong |= (long) (b & 0x7F) << (7 * varLongBytes);
    varLongBytes++;
    if ((b & 0x80) != 0) {
      if (varLongBytes == MAX_VARLONG_BYTES) {
        throw new IOException("malformed block field at byte " + start);
      }
      return;
    }
    long value = (varLong >>> 1) ^ -(varLong & 1);
    varLong = 0;
    varLongBytes = 0;
    if (field == Field.RECORD_COUNT) {
      if (value < 0) {
        throw new IOException("block at byte " + start + " claims a negative record count");
      }
      field = Field.BYTE_SIZE;
      return;
    }
    long left = length - position - DataFileConstants.SYNC_SIZE;
    if (value < 0 || value > left) {
      throw new IOException(
          "block ending at byte "
              + position
              + " claims "
              + value
              + " bytes, but the file has "
              + Math.max(left, 0)
              + " left before its sync marker");
    }
    if (value > BoundedBlockCodecs.MAX_BLOCK_BYTES) {
      throw new IOException(
          "block ending at byte "
              + position
              + " claims "
              + value
              + " bytes, more than "
              + BoundedBlockCodecs.bound(BoundedBlockCodecs.MAX_BLOCK_BYTES));
    }
    field = Field.DATA;
    fieldEnd = position + value;
    if (value == 0) {
      endOfSizedField();
    }
  }

  @Override
  public void seek(long target) throws IOException {
    if (target != position) {
      field = Field.UNCHECKED;
    }
    input.seek(target);
    position = target;
  }

  @Override
  public long tell() throws IOException {
    return input.tell();
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
