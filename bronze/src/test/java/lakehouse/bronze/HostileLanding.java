package lakehouse.bronze;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Hostile landing files, as bytes: a small valid container taken apart and put back wrong. The
 * container is uncompressed and has small blocks, so its layout is known to the byte.
 */
final class HostileLanding {
  static final Schema V2 = TestLanding.SCHEMAS.version(2).schema();

  /** Small blocks: a valid file of a few dozen records has several of them. */
  private static final int BLOCK_BYTES = 200;

  private HostileLanding() {}

  /** A valid v2 container of {@code records} events in several blocks, no compression. */
  static byte[] valid(int records) throws IOException {
    return valid(records, CodecFactory.nullCodec());
  }

  /** A valid v2 container of {@code records} events in several blocks, with the given codec. */
  static byte[] valid(int records, CodecFactory codec) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(V2))) {
      writer.setCodec(codec);
      writer.setSyncInterval(BLOCK_BYTES);
      writer.create(V2, out);
      for (int i = 0; i < records; i++) {
        writer.append(
            TestLanding.v2(
                String.format("00000000-0000-4000-8000-%012d", i),
                "user-" + i,
                "10.0.0.1",
                "device-" + i,
                250_000L,
                Instant.parse("2026-11-23T12:00:00Z")));
      }
    }
    return out.toByteArray();
  }

  /** A container whose one block holds records whose union field names a branch that is not. */
  static byte[] unionBranchOutOfRange() throws IOException {
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(record, null);
    encoder.writeString("00000000-0000-4000-8000-000000000001");
    encoder.writeEnum(1);
    encoder.writeLong(1_795_000_000_000L);
    encoder.writeString("user-1");
    encoder.writeString("ad-1");
    encoder.writeString("camp-1");
    // country is ["null", "string"]: branch 7 does not exist.
    encoder.writeIndex(7);
    encoder.writeString("FR");
    encoder.flush();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(V2))) {
      writer.setCodec(CodecFactory.nullCodec());
      writer.create(V2, out);
      writer.appendEncoded(ByteBuffer.wrap(record.toByteArray()));
    }
    return out.toByteArray();
  }

  /**
   * A v2 container with the given codec whose one block holds {@code data} as it is, claiming one
   * record: a block whose compressed bytes are made by hand.
   */
  static byte[] oneBlock(String codec, byte[] data) {
    return concat(headerWithCodec(codec), zigZag(1), zigZag(data.length), data, SYNC);
  }

  /** Raw deflate (Avro's: no zlib wrapper) of {@code zeros} zero bytes, made a MiB at a time. */
  static byte[] deflatedZeros(long zeros) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 20];
    byte[] buffer = new byte[1 << 16];
    for (long left = zeros; left > 0; left -= chunk.length) {
      deflater.setInput(chunk, 0, (int) Math.min(chunk.length, left));
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A header alone, with the given metadata entries written as they are. */
  static byte[] header(byte[]... keysAndValues) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(DataFileConstants.MAGIC);
    out.writeBytes(zigZag(keysAndValues.length / 2));
    for (byte[] field : keysAndValues) {
      out.writeBytes(field);
    }
    out.writeBytes(zigZag(0));
    out.writeBytes(SYNC);
    return out.toByteArray();
  }

  /** Sync marker of the headers built here. */
  static final byte[] SYNC = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** An Avro string or bytes value: its length, then its bytes. */
  static byte[] lengthPrefixed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return concat(zigZag(bytes.length), bytes);
  }

  /** A length field saying {@code length} with no bytes after it. */
  static byte[] lengthOnly(long length) {
    return zigZag(length);
  }

  /** A v2 header with the given codec name. */
  static byte[] headerWithCodec(String codec) {
    return header(
        lengthPrefixed("avro.schema"),
        lengthPrefixed(V2.toString()),
        lengthPrefixed("avro.codec"),
        lengthPrefixed(codec));
  }

  /** Avro's zig-zag varint encoding of a long. */
  static byte[] zigZag(long value) {
    long n = (value << 1) ^ (value >> 63);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((n & ~0x7FL) != 0) {
      out.write((int) ((n & 0x7F) | 0x80));
      n >>>= 7;
    }
    out.write((int) n);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Where the blocks of a container start, and where the last one ends. */
  record Layout(int headerEnd, List<Integer> blockStarts, byte[] sync) {
    static Layout of(byte[] container) {
      int headerEnd = headerEnd(container);
      byte[] sync =
          Arrays.copyOfRange(container, headerEnd - DataFileConstants.SYNC_SIZE, headerEnd);
      List<Integer> starts = new ArrayList<>();
      int at = headerEnd;
      while (at < container.length) {
        starts.add(at);
        int afterCount = skipVarLong(container, at);
        long size = readVarLong(container, afterCount);
        at = skipVarLong(container, afterCount) + (int) size + DataFileConstants.SYNC_SIZE;
      }
      return new Layout(headerEnd, starts, sync);
    }

    /** Offsets at which a cut leaves a complete shorter container: after the header or a block. */
    List<Integer> boundaries(int length) {
      List<Integer> boundaries = new ArrayList<>(blockStarts);
      boundaries.add(headerEnd);
      boundaries.add(length);
      return boundaries;
    }

    private static int headerEnd(byte[] container) {
      try {
        return LandingFileHeader.parse(container, container.length).end();
      } catch (IOException e) {
        throw new IllegalArgumentException("not a valid container", e);
      }
    }
  }

  /** The container with the block at {@code blockStart}'s count and size fields replaced. */
  static byte[] withBlockFields(byte[] container, int blockStart, long count, long size) {
    int afterCount = skipVarLong(container, blockStart);
    int afterSize = skipVarLong(container, afterCount);
    return concat(
        Arrays.copyOfRange(container, 0, blockStart),
        zigZag(count),
        zigZag(size),
        Arrays.copyOfRange(container, afterSize, container.length));
  }

  static long readVarLong(byte[] bytes, int at) {
    long raw = 0;
    for (int i = at, shift = 0; ; i++, shift += 7) {
      raw |= (long) (bytes[i] & 0x7F) << shift;
      if ((bytes[i] & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
  }

  static int skipVarLong(byte[] bytes, int at) {
    int i = at;
    while ((bytes[i] & 0x80) != 0) {
      i++;
    }
    return i + 1;
  }
}
