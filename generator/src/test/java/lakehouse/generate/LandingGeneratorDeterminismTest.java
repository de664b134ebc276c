package lakehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.shared.schema.AdEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingGeneratorDeterminismTest {
  private static final GeneratorSpec SPEC =
      GeneratorSpec.of(LocalDate.of(2026, 11, 23), 2, 3_000, 42).withBrokenFiles(true, true);

  @TempDir Path first;
  @TempDir Path second;
  @TempDir Path third;

  @Test
  void theSameArgumentsWriteTheSameFilesByteForByte() throws IOException {
    GenerationSummary one = new LandingGenerator().generate(first, SPEC);
    GenerationSummary two = new LandingGenerator().generate(second, SPEC);

    List<Path> files = relativeFiles(first);
    assertEquals(relativeFiles(second), files);
    assertEquals(2 * (24 + 2), files.size());
    for (Path file : files) {
      assertEquals(
          -1L, Files.mismatch(first.resolve(file), second.resolve(file)), file + " differs");
    }
    assertEquals(one.cases(), two.cases());
    assertEquals(one.hotUserId(), two.hotUserId());
  }

  @Test
  void oneThreadWritesTheSameBytesAsSeveral() throws IOException {
    new LandingGenerator(AdEventSchemas.registered(), 1).generate(first, SPEC);
    new LandingGenerator(AdEventSchemas.registered(), 3).generate(second, SPEC);

    assertEquals(relativeFiles(first), relativeFiles(second));
    for (Path file : relativeFiles(first)) {
      assertEquals(
          -1L, Files.mismatch(first.resolve(file), second.resolve(file)), file + " differs");
    }
  }

  @Test
  void anotherSeedWritesOtherEventsIntoTheSameFileNames() throws IOException {
    new LandingGenerator().generate(first, SPEC);
    GeneratorSpec otherSeed =
        new GeneratorSpec(
            SPEC.from(),
            SPEC.days(),
            SPEC.eventsPerDay(),
            43,
            SPEC.rates(),
            true,
            true,
            SPEC.filesPerDay());
    new LandingGenerator().generate(third, otherSeed);

    List<Path> files = relativeFiles(first);
    assertEquals(relativeFiles(third), files);
    for (Path file : files) {
      assertTrue(
          Files.mismatch(first.resolve(file), third.resolve(file)) >= 0,
          file + " is the same for both seeds");
    }
  }

  @Test
  @DisplayName(
      "generating again into the same folder replaces each file with the same bytes and leaves no temporary file")
  void generatingAgainGivesTheSameBytes() throws IOException {
    new LandingGenerator().generate(first, SPEC);
    new LandingGenerator().generate(second, SPEC);
    new LandingGenerator().generate(second, SPEC);

    assertEquals(relativeFiles(first), relativeFiles(second));
    for (Path file : relativeFiles(first)) {
      assertEquals(
          -1L, Files.mismatch(first.resolve(file), second.resolve(file)), file + " differs");
    }
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
