package lakehouse.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;

/**
 * The files a producer sometimes gets wrong, which the lakehouse must reject whole: a container cut
 * off in the middle of a data block (an interrupted upload) and a container written with a schema
 * nobody registered (a producer deploying an unannounced change).
 */
final class BrokenFiles {
  static final String CORRUPT_NAME = "part-corrupt.avro";
  static final String UNREGISTERED_NAME = "part-unregistered.avro";

  /** Records per broken file: enough for two data blocks, few enough to stay small. */
  static final int RECORDS = 200;

  private BrokenFiles() {}

  /**
   * A container of {@link #RECORDS} events in two data blocks, cut in the middle of the second: the
   * header and the first block read, the rest is lost. Avro's reader takes such an end for the end
   * of the data, so only a reader that checks the file ends with its sync marker notices.
   */
  static byte[] truncatedContainer(
      Schema schema, byte[] syncMarker, CodecFactory codec, Supplier<AdEvent> events)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long firstBlockEnd;
    long secondBlockEnd;
    try (AdEventFileWriter writer = AdEventFileWriter.create(schema, bytes, syncMarker, codec)) {
      for (int i = 0; i < RECORDS / 2; i++) {
        writer.append(events.get());
      }
      firstBlockEnd = writer.endBlock();
      for (int i = RECORDS / 2; i < RECORDS; i++) {
        writer.append(events.get());
      }
      secondBlockEnd = writer.endBlock();
    }
    return Arrays.copyOf(
        bytes.toByteArray(), (int) (firstBlockEnd + (secondBlockEnd - firstBlockEnd) / 2));
  }

  /**
   * Version 2 with one more field, {@code placement}: same name and namespace, so only the schema's
   * canonical form tells it apart from a registered version.
   */
  static Schema unregisteredSchema(Schema version2) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : version2.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    Schema optionalString =
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
    fields.add(
        new Schema.Field(
            "placement",
            optionalString,
            "where the ad was shown",
            Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(
        version2.getName(),
        "Ad event with an unannounced field",
        version2.getNamespace(),
        false,
        fields);
  }
}
