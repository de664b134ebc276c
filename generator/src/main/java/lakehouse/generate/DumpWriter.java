package lakehouse.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import lakehouse.shared.schema.AdEventSchemas;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;

/**
 * Writes one landing file: an hourly dump streamed record by record from {@link DumpRecords}, or a
 * broken file. Each call is independent of the others, so files may be written concurrently; the
 * {@link LandingFolder} makes a file appear under its name whole or not at all.
 */
final class DumpWriter {
  private static final int SYNC_MARKER_BYTES = 16;
  private static final long CORRUPT_FILE_KEY = -1;
  private static final long UNREGISTERED_FILE_KEY = -2;

  /** A written file and the cases among its records. */
  record Written(GeneratedFile file, CaseCounts cases) {}

  private final GeneratorSpec spec;
  private final DumpRecords records;
  private final EventSynthesizer synthesizer;
  private final String hotUserId;
  private final String hotAdId;
  private final Schema[] schemaOfVersion;
  private final Schema unregisteredSchema;
  private final CodecFactory codec = LandingCodec.codec();

  DumpWriter(GeneratorSpec spec, AdEventSchemas schemas, Population population) {
    this.spec = spec;
    this.synthesizer = new EventSynthesizer(population, spec.rates());
    this.records = new DumpRecords(spec, synthesizer);
    this.hotUserId = population.hotUserId();
    this.hotAdId = population.hotAdId();
    this.schemaOfVersion =
        new Schema[] {null, schemas.version(1).schema(), schemas.version(2).schema()};
    this.unregisteredSchema = BrokenFiles.unregisteredSchema(schemas.version(2).schema());
  }

  DumpRecords records() {
    return records;
  }

  Written dump(LocalDate ingestDate, PlannedFile file, LandingFolder folder, String lakeFolder)
      throws IOException {
    String lakePath = lakeFolder + "/" + file.name();
    CaseTally tally = new CaseTally(hotUserId, hotAdId);
    String location =
        folder.write(
            lakePath,
            out -> {
              try (AdEventFileWriter writer =
                  AdEventFileWriter.create(
                      schemaOfVersion[file.schemaVersion()],
                      out,
                      syncMarker(ingestDate, file.index()),
                      codec)) {
                for (long position = 0; position < file.records(); position++) {
                  writer.append(records.record(ingestDate, file, position, tally));
                }
              }
            });
    return new Written(
        new GeneratedFile(
            ingestDate, lakePath, location, FileKind.EVENTS, file.schemaVersion(), file.records()),
        tally.counts());
  }

  /** A version 2 container cut in the middle of a data block. */
  Written corrupt(LocalDate ingestDate, LandingFolder folder, String lakeFolder)
      throws IOException {
    String lakePath = lakeFolder + "/" + BrokenFiles.CORRUPT_NAME;
    SplittableRandom random =
        new SplittableRandom(
            Seeds.derive(spec.seed(), Seeds.CORRUPT_FILE, ingestDate.toEpochDay()));
    long dayStart = DumpRecords.startOf(ingestDate);
    byte[] bytes =
        BrokenFiles.truncatedContainer(
            schemaOfVersion[2],
            syncMarker(ingestDate, CORRUPT_FILE_KEY),
            codec,
            () -> synthesizer.regular(random, dayStart, dayStart + EventSynthesizer.DAY));
    String location = folder.write(lakePath, out -> out.write(bytes));
    return new Written(
        new GeneratedFile(ingestDate, lakePath, location, FileKind.CORRUPT, 2, BrokenFiles.RECORDS),
        CaseCounts.none());
  }

  /** A complete container whose schema is version 2 plus a field nobody registered. */
  Written unregistered(LocalDate ingestDate, LandingFolder folder, String lakeFolder)
      throws IOException {
    String lakePath = lakeFolder + "/" + BrokenFiles.UNREGISTERED_NAME;
    SplittableRandom random =
        new SplittableRandom(
            Seeds.derive(spec.seed(), Seeds.UNREGISTERED_FILE, ingestDate.toEpochDay()));
    long dayStart = DumpRecords.startOf(ingestDate);
    String location =
        folder.write(
            lakePath,
            out -> {
              try (AdEventFileWriter writer =
                  AdEventFileWriter.create(
                      unregisteredSchema,
                      out,
                      syncMarker(ingestDate, UNREGISTERED_FILE_KEY),
                      codec)) {
                for (int i = 0; i < BrokenFiles.RECORDS; i++) {
                  writer.append(
                      synthesizer.regular(random, dayStart, dayStart + EventSynthesizer.DAY));
                }
              }
            });
    return new Written(
        new GeneratedFile(
            ingestDate, lakePath, location, FileKind.UNREGISTERED_SCHEMA, 0, BrokenFiles.RECORDS),
        CaseCounts.none());
  }

  /** Derived from the seed and the file, where Avro would draw a random one. */
  private byte[] syncMarker(LocalDate ingestDate, long fileKey) {
    byte[] marker = new byte[SYNC_MARKER_BYTES];
    new SplittableRandom(
            Seeds.derive(spec.seed(), Seeds.SYNC_MARKER, ingestDate.toEpochDay(), fileKey))
        .nextBytes(marker);
    return marker;
  }
}
