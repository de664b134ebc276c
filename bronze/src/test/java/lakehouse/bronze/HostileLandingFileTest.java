package lakehouse.bronze;

import static lakehouse.bronze.HostileLanding.concat;
import static lakehouse.bronze.HostileLanding.header;
import static lakehouse.bronze.HostileLanding.lengthOnly;
import static lakehouse.bronze.HostileLanding.lengthPrefixed;
import static lakehouse.bronze.HostileLanding.zigZag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lakehouse.shared.pii.PiiTokenizer;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile landing files are rejected whole, with a reason that says what is wrong, and without the
 * driver or a task allocating what a length field of the file claims. Inspection (the driver) sees
 * a file's header and its last 16 bytes; what only decoding can see (a block's fields, its records)
 * is caught by {@link LandingFileRows}, which fails the file's write so the file is rejected.
 */
class HostileLandingFileTest {
  private static final LandingFileInspector INSPECTOR =
      new LandingFileInspector(TestLanding.SCHEMAS);
  private static final Configuration HADOOP = new Configuration();
  private static final PiiTokenizer TOKENS = PiiTokenizer.fromSecret("test-key");
  private static final long TWO_TO_THE_31 = 1L << 31;

  @TempDir Path folder;

  private FileInspection inspect(byte[] bytes) throws IOException {
    return INSPECTOR.inspect(land("hostile.avro", bytes), HADOOP);
  }

  private LandingFile land(String name, byte[] bytes) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, bytes);
    return LandingFile.of(
        file.toString(),
        "landing/" + name,
        bytes.length,
        Files.getLastModifiedTime(file).toMillis());
  }

  /** Decodes an accepted file to its end, as the write's task does; how many records it read. */
  private long decode(byte[] bytes) throws IOException {
    LandingFile file = land("decoded.avro", bytes);
    FileInspection inspection = INSPECTOR.inspect(file, HADOOP);
    assertThat(inspection.isAccepted()).as("inspection sees only the file's ends").isTrue();
    long[] records = new long[1];
    LandingFileRows rows =
        new LandingFileRows(
            inspection,
            TestLanding.SCHEMAS.version(inspection.schemaVersion()),
            TOKENS,
            LocalDate.parse("2026-11-23"),
            "run-1",
            HADOOP,
            count -> records[0] = count.records());
    while (rows.hasNext()) {
      rows.next();
    }
    return records[0];
  }

  private static void assertCorrupt(FileInspection inspection, String detail) {
    assertThat(inspection.rejection()).isEqualTo(RejectionReason.CORRUPT_FILE);
    assertThat(inspection.detail()).contains(detail);
  }

  @Test
  void aSmallValidFileIsAcceptedAndDecodedToItsEnd() throws IOException {
    byte[] valid = HostileLanding.valid(40);

    assertThat(HostileLanding.Layout.of(valid).blockStarts()).hasSizeGreaterThan(3);
    assertThat(decode(valid)).isEqualTo(40);
  }

  @Test
  void zeroByteFile() throws IOException {
    assertCorrupt(inspect(new byte[0]), "empty");
  }

  @Test
  void truncatedAtEveryOffset() throws IOException {
    byte[] valid = HostileLanding.valid(40);
    HostileLanding.Layout layout = HostileLanding.Layout.of(valid);
    List<Integer> boundaries = layout.boundaries(valid.length);
    List<String> wrong = new ArrayList<>();
    for (int cut = 0; cut < valid.length; cut++) {
      FileInspection inspection = inspect(Arrays.copyOf(valid, cut));
      // A cut right after the header or a block leaves a complete, shorter container: nothing in
      // Avro's format (no record count, no footer) tells it from a file written that short.
      boolean complete = boundaries.contains(cut);
      if (complete != inspection.isAccepted()
          || !complete && inspection.rejection() != RejectionReason.CORRUPT_FILE) {
        wrong.add(cut + ": " + inspection);
      }
    }
    assertThat(wrong).as("cuts inside the header or a block are corrupt_file").isEmpty();
  }

  @Test
  void truncatedInsideTheHeaderSaysSo() throws IOException {
    byte[] valid = HostileLanding.valid(3);

    assertCorrupt(inspect(Arrays.copyOf(valid, 100)), "truncated in its header");
  }

  @Test
  void truncatedInsideABlockSaysItDoesNotEndWithItsSyncMarker() throws IOException {
    byte[] valid = HostileLanding.valid(40);

    assertCorrupt(inspect(Arrays.copyOf(valid, valid.length - 20)), "sync marker");
  }

  @Test
  void flippedByteInTheHeaderSyncMarker() throws IOException {
    byte[] bytes = HostileLanding.valid(40);
    bytes[HostileLanding.Layout.of(bytes).headerEnd() - 3] ^= 0x01;

    assertCorrupt(inspect(bytes), "sync marker");
  }

  @Test
  void flippedByteInTheLastSyncMarker() throws IOException {
    byte[] bytes = HostileLanding.valid(40);
    bytes[bytes.length - 1] ^= 0x01;

    assertCorrupt(inspect(bytes), "sync marker");
  }

  @Test
  void flippedByteInAMiddleSyncMarker() throws IOException {
    byte[] bytes = HostileLanding.valid(40);
    int secondBlock = HostileLanding.Layout.of(bytes).blockStarts().get(1);
    bytes[secondBlock - DataFileConstants.SYNC_SIZE] ^= 0x01;

    assertThatThrownBy(() -> decode(bytes))
        .isInstanceOf(UnreadableLandingFileException.class)
        .hasMessageContaining("sync");
  }

  @ParameterizedTest
  @ValueSource(longs = {TWO_TO_THE_31, -1, -TWO_TO_THE_31, Long.MAX_VALUE, Long.MIN_VALUE})
  void blockCountOutOfRange(long count) throws IOException {
    byte[] valid = HostileLanding.valid(40);
    int block = HostileLanding.Layout.of(valid).blockStarts().get(1);
    long size = HostileLanding.readVarLong(valid, HostileLanding.skipVarLong(valid, block));

    byte[] hostile = HostileLanding.withBlockFields(valid, block, count, size);

    assertThatThrownBy(() -> decode(hostile)).isInstanceOf(UnreadableLandingFileException.class);
  }

  @ParameterizedTest
  @ValueSource(
      longs = {
        TWO_TO_THE_31,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE - 8,
        1 << 30,
        -1,
        -TWO_TO_THE_31
      })
  void blockLengthOutOfRange(long size) throws IOException {
    byte[] valid = HostileLanding.valid(40);
    int block = HostileLanding.Layout.of(valid).blockStarts().get(1);
    long count = HostileLanding.readVarLong(valid, block);

    byte[] hostile = HostileLanding.withBlockFields(valid, block, count, size);

    assertThatThrownBy(() -> decode(hostile))
        .isInstanceOf(UnreadableLandingFileException.class)
        .message()
        .containsIgnoringCase("block");
  }

  @Test
  void deflateAndSnappyFilesDecodeToTheirEnd() throws IOException {
    assertThat(decode(HostileLanding.valid(40, CodecFactory.deflateCodec(6)))).isEqualTo(40);
    assertThat(decode(HostileLanding.valid(40, CodecFactory.snappyCodec()))).isEqualTo(40);
  }

  @Test
  void deflateBlockThatInflatesBeyondTheBoundIsRejected() throws IOException {
    // 80 MiB of zeros in about 80 KB: decompressed whole, it would be read as one record of zeros
    // and the file accepted, after taking 80 MiB of the task's memory (2 GiB of zeros in 2 MB
    // would take it all).
    byte[] bomb =
        HostileLanding.oneBlock(
            "deflate",
            HostileLanding.deflatedZeros(BoundedBlockCodecs.MAX_BLOCK_BYTES + (16 << 20)));
    assertThat(bomb.length).isLessThan(1 << 20);

    assertThatThrownBy(() -> decode(bomb))
        .isInstanceOf(UnreadableLandingFileException.class)
        .hasMessageContaining(
            "a deflate block decompresses to more than the 67108864 bytes a landing file's block"
                + " may hold");
  }

  @Test
  void snappyBlockStatingTwoGiBIsRejectedBeforeAnythingIsAllocated() throws IOException {
    // Snappy's preamble says 2^31 - 1 bytes; Avro's codec would allocate that much first.
    byte[] data =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}, new byte[12]);

    assertThatThrownBy(() -> decode(HostileLanding.oneBlock("snappy", data)))
        .isInstanceOf(UnreadableLandingFileException.class)
        .hasMessageContaining("a snappy block states it decompresses to 2147483647 bytes");
  }

  @Test
  void snappyBlockThatFailsItsChecksumIsRejected() throws IOException {
    byte[] valid = HostileLanding.valid(40, CodecFactory.snappyCodec());
    int secondBlock = HostileLanding.Layout.of(valid).blockStarts().get(1);
    // The byte before the second block's sync marker is the last of the first block's checksum.
    valid[secondBlock - DataFileConstants.SYNC_SIZE - 1] ^= 0x01;

    assertThatThrownBy(() -> decode(valid))
        .isInstanceOf(UnreadableLandingFileException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void codecOutsideTheContractIsRejected() throws IOException {
    assertCorrupt(
        inspect(HostileLanding.valid(5, CodecFactory.bzip2Codec())),
        "codec bzip2 is not one a landing file may use: [deflate, null, snappy]");
  }

  @Test
  void codecThatDoesNotExist() throws IOException {
    assertCorrupt(inspect(HostileLanding.headerWithCodec("zstandard-9000")), "zstandard-9000");
  }

  @Test
  void schemaThatIsNotJson() throws IOException {
    byte[] bytes =
        header(lengthPrefixed("avro.schema"), lengthPrefixed("{\"type\": \"record\", \"name\""));

    assertCorrupt(inspect(bytes), "not a readable Avro container");
  }

  @Test
  void recordsThatViolateTheSchemasUnionBranches() throws IOException {
    byte[] bytes = HostileLanding.unionBranchOutOfRange();

    assertThatThrownBy(() -> decode(bytes))
        .isInstanceOf(UnreadableLandingFileException.class)
        .hasMessageContaining("after 0 records");
  }

  @Test
  void metadataEntryCountOf2To31() throws IOException {
    byte[] bytes = concat(DataFileConstants.MAGIC, zigZag(TWO_TO_THE_31), lengthPrefixed("k"));

    assertCorrupt(inspect(bytes), "metadata entry count");
  }

  @Test
  void negativeMetadataEntryCountWithABlockSize() throws IOException {
    byte[] bytes =
        concat(DataFileConstants.MAGIC, zigZag(-TWO_TO_THE_31), zigZag(10), lengthPrefixed("k"));

    assertCorrupt(inspect(bytes), "metadata entry count");
  }

  @Test
  void metadataKeyLengthOf2To31() throws IOException {
    byte[] bytes = concat(DataFileConstants.MAGIC, zigZag(1), lengthOnly(TWO_TO_THE_31));

    assertCorrupt(inspect(bytes), "metadata key of 2147483648 bytes");
  }

  @Test
  void negativeMetadataKeyLength() throws IOException {
    byte[] bytes =
        concat(DataFileConstants.MAGIC, zigZag(1), lengthOnly(-5), lengthPrefixed("value"));

    assertCorrupt(inspect(bytes), "negative metadata key length");
  }

  @Test
  void schemaLengthJustUnder2GiB() throws IOException {
    byte[] bytes =
        concat(
            DataFileConstants.MAGIC,
            zigZag(1),
            lengthPrefixed("avro.schema"),
            lengthOnly(Integer.MAX_VALUE - 8),
            lengthPrefixed("{}"));

    assertCorrupt(inspect(bytes), "truncated in its header");
  }

  @Test
  void malformedVarLongInTheHeader() throws IOException {
    byte[] run = new byte[12];
    Arrays.fill(run, (byte) 0xFF);

    assertCorrupt(inspect(concat(DataFileConstants.MAGIC, run)), "malformed metadata block count");
  }

  @Test
  void headerLargerThanTheInspectionBudget() throws IOException {
    byte[] bytes =
        concat(
            header(
                lengthPrefixed("avro.schema"),
                lengthPrefixed(HostileLanding.V2.toString()),
                lengthPrefixed("padding"),
                lengthPrefixed("x".repeat(LandingFileHeader.MAX_HEADER_BYTES))),
            new byte[64]);

    assertCorrupt(inspect(bytes), "header larger than the 1048576 bytes");
  }

  @Test
  void notAnAvroContainerAtAll() throws IOException {
    assertCorrupt(
        inspect("PAR1 not avro".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "'Obj'1");
  }

  @Test
  void hostileFilesDoNotStopTheOtherFilesOfTheDay() throws IOException {
    List<LandingFile> day =
        List.of(
            land("good-1.avro", HostileLanding.valid(5)),
            land("empty.avro", new byte[0]),
            land("codec.avro", HostileLanding.headerWithCodec("nope")),
            land("huge-key.avro", concat(DataFileConstants.MAGIC, zigZag(1), lengthOnly(1L << 40))),
            land("good-2.avro", HostileLanding.valid(7)));

    List<FileInspection> inspections = INSPECTOR.inspectAll(day, HADOOP);

    assertThat(inspections)
        .extracting(FileInspection::isAccepted)
        .containsExactly(true, false, false, false, true);
  }
}
