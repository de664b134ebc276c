package lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(files).containsExactlyElementsOf(relativeFiles(second));
    assertThat(files).hasSize(2 * (24 + 2));
    for (Path file : files) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
          .as(file + " differs")
          .isEqualTo(-1L);
    }
    assertThat(two.cases()).isEqualTo(one.cases());
    assertThat(two.hotUserId()).isEqualTo(one.hotUserId());
  }

  @Test
  void oneThreadWritesTheSameBytesAsSeveral() throws IOException {
    new LandingGenerator(AdEventSchemas.registered(), 1).generate(first, SPEC);
    new LandingGenerator(AdEventSchemas.registered(), 3).generate(second, SPEC);

    assertThat(relativeFiles(second)).containsExactlyElementsOf(relativeFiles(first));
    for (Path file : relativeFiles(first)) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
          .as(file + " differs")
          .isEqualTo(-1L);
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
    assertThat(files).containsExactlyElementsOf(relativeFiles(third));
    for (Path file : files) {
      assertThat(Files.mismatch(first.resolve(file), third.resolve(file)))
          .as(file + " is the same for both seeds")
          .isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  @DisplayName(
      "generating again into the same folder replaces each file with the same bytes and leaves no temporary file")
  void generatingAgainGivesTheSameBytes() throws IOException {
    new LandingGenerator().generate(first, SPEC);
    new LandingGenerator().generate(second, SPEC);
    new LandingGenerator().generate(second, SPEC);

    assertThat(relativeFiles(second)).containsExactlyElementsOf(relativeFiles(first));
    for (Path file : relativeFiles(first)) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
          .as(file + " differs")
          .isEqualTo(-1L);
    }
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
