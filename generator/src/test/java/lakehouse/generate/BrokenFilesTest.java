package lakehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lakehouse.shared.schema.AdEventSchemas;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokenFilesTest {
  private static final AdEventSchemas SCHEMAS = AdEventSchemas.registered();

  @TempDir static Path lake;
  private static GenerationSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    summary =
        new LandingGenerator()
            .generate(
                lake,
                GeneratorSpec.of(LocalDate.of(2026, 11, 23), 2, 2_400, 5)
                    .withBrokenFiles(true, true));
  }

  @Test
  @DisplayName("each day gets one corrupt and one unregistered file, with plain names")
  void eachDayGetsOneCorruptAndOneUnregisteredFile() {
    for (DaySummary day : summary.days()) {
      List<GeneratedFile> broken =
          day.files().stream().filter(f -> f.kind() != FileKind.EVENTS).toList();
      assertEquals(
          List.of("part-corrupt.avro", "part-unregistered.avro"),
          broken.stream().map(f -> f.path().getFileName().toString()).toList());
      assertEquals(
          List.of(Optional.of("corrupt_file"), Optional.of("unknown_schema")),
          broken.stream().map(f -> f.kind().expectedRejection()).toList());
    }
    assertEquals(
        2 * 2_400, summary.records(), "broken files are not counted among the landed records");
  }

  @Test
  @DisplayName(
      "the corrupt file's header reads, but its records stop half way and it does not end with its sync marker")
  void theCorruptFileStopsHalfWay() throws IOException {
    for (GeneratedFile file : filesOf(FileKind.CORRUPT)) {
      long read = 0;
      byte[] syncMarker;
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(file.path().toFile(), new GenericDatumReader<>())) {
        assertEquals(2, SCHEMAS.recognise(reader.getSchema()).orElseThrow().number());
        long headerEnd = reader.previousSync();
        byte[] bytes = Files.readAllBytes(file.path());
        syncMarker = Arrays.copyOfRange(bytes, (int) headerEnd - 16, (int) headerEnd);
        assertFalse(
            Arrays.equals(syncMarker, Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length)),
            "a complete container ends with its sync marker; this one must not");
        while (hasNext(reader)) {
          reader.next();
          read++;
        }
      }
      assertTrue(read < file.records(), "read " + read + " of " + file.records());
      assertEquals(BrokenFiles.RECORDS, file.records());
    }
  }

  @Test
  @DisplayName("the unregistered file reads whole, but its schema is not a registered version")
  void theUnregisteredFileHasAnUnknownSchema() throws IOException {
    for (GeneratedFile file : filesOf(FileKind.UNREGISTERED_SCHEMA)) {
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(file.path().toFile(), new GenericDatumReader<>())) {
        assertTrue(SCHEMAS.recognise(reader.getSchema()).isEmpty());
        assertEquals("lakehouse.events.AdEvent", reader.getSchema().getFullName());
        long read = 0;
        for (GenericRecord record : reader) {
          assertTrue(record.get("event_id").toString().matches("[0-9a-f-]{36}"));
          read++;
        }
        assertEquals(file.records(), read);
      }
    }
  }

  @Test
  void brokenFilesHoldNoEventOfTheRegularDumps() {
    java.util.Set<String> landedIds = new java.util.HashSet<>();
    LandedEvents.of(summary).forEach(e -> landedIds.add(e.eventId()));
    for (GeneratedFile file : filesOf(FileKind.UNREGISTERED_SCHEMA)) {
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(file.path().toFile(), new GenericDatumReader<>())) {
        for (GenericRecord record : reader) {
          assertFalse(landedIds.contains(record.get("event_id").toString()));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * Avro's reader may end quietly at a cut block or throw; either way it cannot read the file
   * whole.
   */
  private static boolean hasNext(DataFileReader<GenericRecord> reader) {
    try {
      return reader.hasNext();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static List<GeneratedFile> filesOf(FileKind kind) {
    List<GeneratedFile> files = summary.files().stream().filter(f -> f.kind() == kind).toList();
    assertEquals(2, files.size());
    return files;
  }
}
