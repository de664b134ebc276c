package lakehouse.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes events into one Avro container file in a given schema. The sync marker is given rather
 * than random, so the bytes depend only on the events.
 */
final class AdEventFileWriter implements Closeable {
  private static final EncoderFactory ENCODERS = new EncoderFactory().configureBufferSize(1 << 16);

  private final DataFileWriter<AdEvent> writer;

  private AdEventFileWriter(DataFileWriter<AdEvent> writer) {
    this.writer = writer;
  }

  static AdEventFileWriter create(
      Schema schema, OutputStream out, byte[] syncMarker, CodecFactory codec) throws IOException {
    DataFileWriter<AdEvent> writer = new DataFileWriter<>(new AdEventDatumWriter(schema));
    writer.setCodec(codec);
    // Avro's default encoder writes byte by byte into a synchronized stream; a buffered one is
    // several times faster and encodes the same bytes.
    writer.setEncoder(stream -> ENCODERS.binaryEncoder(stream, null));
    writer.setFlushOnEveryBlock(false);
    try {
      writer.create(schema, out, syncMarker);
      return new AdEventFileWriter(writer);
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  void append(AdEvent event) throws IOException {
    writer.append(event);
  }

  /** Ends the current data block; returns the file position after it. */
  long endBlock() throws IOException {
    return writer.sync();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
