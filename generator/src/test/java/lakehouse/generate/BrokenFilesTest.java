package lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

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
      assertThat(broken.stream().map(f -> f.path().getFileName().toString()).toList())
          .containsExactly("part-corrupt.avro", "part-unregistered.avro");
      assertThat(broken.stream().map(f -> f.kind().expectedRejection()).toList())
          .containsExactly(Optional.of("corrupt_file"), Optional.of("unknown_schema"));
    }
    assertThat(summary.records())
        .as("broken files are not counted among the landed records")
        .isEqualTo(2 * 2_400);
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
        assertThat(SCHEMAS.recognise(reader.getSchema()).orElseThrow().number()).isEqualTo(2);
        long headerEnd = reader.previousSync();
        byte[] bytes = Files.readAllBytes(file.path());
        syncMarker = Arrays.copyOfRange(bytes, (int) headerEnd - 16, (int) headerEnd);
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length))
            .as("a complete container ends with its sync marker; this one must not")
            .isNotEqualTo(syncMarker);
        while (hasNext(reader)) {
          reader.next();
          read++;
        }
      }
      assertThat(read).as("read " + read + " of " + file.records()).isLessThan(file.records());
      assertThat(file.records()).isEqualTo(BrokenFiles.RECORDS);
    }
  }

  @Test
  @DisplayName("the unregistered file reads whole, but its schema is not a registered version")
  void theUnregisteredFileHasAnUnknownSchema() throws IOException {
    for (GeneratedFile file : filesOf(FileKind.UNREGISTERED_SCHEMA)) {
      try (DataFileReader<GenericRecord> reader =
          new DataFileReader<>(file.path().toFile(), new GenericDatumReader<>())) {
        assertThat(SCHEMAS.recognise(reader.getSchema())).isEmpty();
        assertThat(reader.getSchema().getFullName()).isEqualTo("lakehouse.events.AdEvent");
        long read = 0;
        for (GenericRecord record : reader) {
          assertThat(record.get("event_id").toString()).matches("[0-9a-f-]{36}");
          read++;
        }
        assertThat(read).isEqualTo(file.records());
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
          assertThat(landedIds).doesNotContain(record.get("event_id").toString());
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
    assertThat(files).hasSize(2);
    return files;
  }
}
