package lakehouse.bronze;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterOutputStream;
import org.apache.avro.file.Codec;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DeflateCodec;
import org.xerial.snappy.Snappy;

/**
 * The codecs a landing file may use (the contract's null, deflate and snappy), with a bound on what
 * one block may decompress to. Avro's own codecs decompress a block whole into memory whatever its
 * size: a deflate block of a few hundred kilobytes can hold gigabytes of zeros, and a snappy block
 * states its decompressed length up front, which Avro allocates before it looks at the data. Either
 * would take a task's memory, or the executor's. Here a block that would decompress to more than
 * {@link #MAX_BLOCK_BYTES} fails its file's read instead, so the file is rejected whole.
 *
 * <p>Avro looks codecs up by the name in a file's header in one registry of the JVM, so these
 * replace its deflate and snappy there: {@link #install()} runs before any landing file is decoded,
 * in the driver and in every executor.
 */
final class BoundedBlockCodecs {
  /**
   * The most one block of a landing file may hold, decompressed. Avro writers close a block at 64
   * KiB by default (the sync interval) and rarely at more than a few MiB, so 64 MiB is far beyond
   * any producer's block while bounding a task to that much per file it reads.
   */
  static final int MAX_BLOCK_BYTES = 64 << 20;

  /** The codec names of the landing contract (docs/CONTRACT.md, section 2). */
  static final Set<String> CONTRACT_CODECS = Set.of("null", "deflate", "snappy");

  static {
    CodecFactory.addCodec("deflate", new BoundedFactory(() -> new BoundedDeflate(MAX_BLOCK_BYTES)));
    CodecFactory.addCodec("snappy", new BoundedFactory(() -> new BoundedSnappy(MAX_BLOCK_BYTES)));
  }

  private BoundedBlockCodecs() {}

  /** Puts the bounded codecs in Avro's registry (once per JVM; later calls do nothing). */
  static void install() {
    // The static initializer does the work; calling this makes sure it has run.
  }

  /** Avro's registry holds factories; each reader asks its factory for a codec of its own. */
  private static final class BoundedFactory extends CodecFactory {
    private final Supplier<Codec> codecs;

    BoundedFactory(Supplier<Codec> codecs) {
      this.codecs = codecs;
    }

    @Override
    protected Codec createInstance() {
      return codecs.get();
    }
  }

  /** The bound, as a read failure says it. */
  static String bound(int limit) {
    return "the " + limit + " bytes a landing file's block may hold";
  }

  /**
   * Avro's deflate (raw deflate, no zlib wrapper), inflating into a buffer that refuses to grow
   * past the limit. Compression is Avro's own.
   */
  static final class BoundedDeflate extends Codec {
    private final int limit;
    private final DeflateCodec avro = new DeflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
    // One per codec, reset for each block, as Avro's own deflate keeps one: a file's blocks are
    // decoded one after the other by one reader. Ending it is left to its cleaner, as Avro does.
    private final Inflater inflater = new Inflater(true);

    BoundedDeflate(int limit) {
      this.limit = limit;
    }

    @Override
    public String getName() {
      return avro.getName();
    }

    @Override
    public ByteBuffer compress(ByteBuffer uncompressed) throws IOException {
      return avro.compress(uncompressed);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer compressed) throws IOException {
      BoundedOutput out = new BoundedOutput(limit);
      inflater.reset();
      // Closing the stream finishes the block; it leaves an inflater it was given open.
      try (InflaterOutputStream inflating = new InflaterOutputStream(out, inflater)) {
        inflating.write(
            compressed.array(),
            compressed.arrayOffset() + compressed.position(),
            compressed.remaining());
      }
      return out.asByteBuffer();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BoundedDeflate;
    }

    @Override
    public int hashCode() {
      return BoundedDeflate.class.hashCode();
    }
  }

  /**
   * Avro's snappy: a snappy block, then the CRC32 of the decompressed bytes. The block states its
   * decompressed length first; it is checked against the limit before anything is allocated.
   */
  static final class BoundedSnappy extends Codec {
    private static final int CHECKSUM_BYTES = 4;
    private final int limit;
    private final CRC32 crc32 = new CRC32();

    BoundedSnappy(int limit) {
      this.limit = limit;
    }

    @Override
    public String getName() {
      return "snappy";
    }

    @Override
    public ByteBuffer compress(ByteBuffer in) throws IOException {
      int offset = in.arrayOffset() + in.position();
      ByteBuffer out =
          ByteBuffer.allocate(Snappy.maxCompressedLength(in.remaining()) + CHECKSUM_BYTES);
      int size = Snappy.compress(in.array(), offset, in.remaining(), out.array(), 0);
      crc32.reset();
      crc32.update(in.array(), offset, in.remaining());
      out.putInt(size, (int) crc32.getValue());
      out.limit(size + CHECKSUM_BYTES);
      return out;
    }

    @Override
    public ByteBuffer decompress(ByteBuffer in) throws IOException {
      int offset = in.arrayOffset() + in.position();
      int compressed = in.remaining() - CHECKSUM_BYTES;
      if (compressed < 0) {
        throw new IOException("a snappy block of " + in.remaining() + " bytes has no checksum");
      }
      long stated = statedLength(in.array(), offset, compressed);
      if (stated > limit) {
        throw new IOException(
            "a snappy block states it decompresses to "
                + stated
                + " bytes, more than "
                + bound(limit));
      }
      ByteBuffer out = ByteBuffer.allocate((int) stated);
      int size = Snappy.uncompress(in.array(), offset, compressed, out.array(), 0);
      out.limit(size);
      crc32.reset();
      crc32.update(out.array(), 0, size);
      if (in.getInt(in.limit() - CHECKSUM_BYTES) != (int) crc32.getValue()) {
        throw new IOException("a snappy block fails its checksum");
      }
      return out;
    }

    /** Snappy's preamble: the decompressed length as a little-endian base-128 varint of 32 bits. */
    private static long statedLength(byte[] bytes, int offset, int available) throws IOException {
      long length = 0;
      for (int i = 0; i < Math.min(5, available); i++) {
        int b = bytes[offset + i] & 0xFF;
        length |= (long) (b & 0x7F) << (7 * i);
        if ((b & 0x80) == 0) {
          return length;
        }
      }
      throw new IOException("a snappy block does not start with its length");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BoundedSnappy;
    }

    @Override
    public int hashCode() {
      return BoundedSnappy.class.hashCode();
    }
  }

  /** A growing buffer that fails a write that would take it past its limit. */
  private static final class BoundedOutput extends OutputStream {
    private final int limit;
    private byte[] bytes = new byte[8192];
    private int count;

    BoundedOutput(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
      if ((long) count + length > limit) {
        throw new IOException("a deflate block decompresses to more than " + bound(limit));
      }
      if (count + length > bytes.length) {
        bytes =
            Arrays.copyOf(
                bytes, (int) Math.min(limit, Math.max(2L * bytes.length, count + length)));
      }
      System.arraycopy(source, offset, bytes, count, length);
      count += length;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    ByteBuffer asByteBuffer() {
      return ByteBuffer.wrap(bytes, 0, count);
    }
  }
}
