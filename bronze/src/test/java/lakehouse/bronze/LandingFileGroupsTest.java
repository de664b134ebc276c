package lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LandingFileGroupsTest {
  private static final long MB = 1 << 20;

  @Test
  void smallFilesMakeOneGroupPerCoreWithEveryFileOnce() {
    List<FileInspection> files = files(24, i -> (1 + i % 5) * MB);

    List<List<FileInspection>> groups = LandingFileGroups.of(files, 2, 128 * MB);

    assertThat(groups).hasSize(2);
    assertThat(groups.stream().flatMap(List::stream).toList())
        .containsExactlyInAnyOrderElementsOf(files);
    long[] bytes = groups.stream().mapToLong(LandingFileGroupsTest::bytes).toArray();
    assertThat(Math.abs(bytes[0] - bytes[1]))
        .as("groups as even as the files allow")
        .isLessThan(5 * MB);
  }

  @Test
  void aLargeDayMakesGroupsOfAboutTheTargetSize() {
    List<FileInspection> files = files(40, i -> 25 * MB);

    List<List<FileInspection>> groups = LandingFileGroups.of(files, 2, 128 * MB);

    assertThat(groups).hasSize(8);
    assertThat(groups).allSatisfy(g -> assertThat(bytes(g)).isEqualTo(125 * MB));
  }

  @Test
  void neverMoreGroupsThanFilesAndAFileLargerThanTheTargetStaysWhole() {
    List<FileInspection> files = files(3, i -> i == 0 ? 500 * MB : MB);

    List<List<FileInspection>> groups = LandingFileGroups.of(files, 8, 128 * MB);

    assertThat(groups).hasSize(3).allSatisfy(g -> assertThat(g).hasSize(1));
  }

  @Test
  void theSameFilesMakeTheSameGroupsInAnyOrder() {
    List<FileInspection> files = files(24, i -> (i % 3) * MB);
    List<FileInspection> reversed = new ArrayList<>(files);
    java.util.Collections.reverse(reversed);

    assertThat(LandingFileGroups.of(reversed, 4, 128 * MB))
        .isEqualTo(LandingFileGroups.of(files, 4, 128 * MB));
  }

  @Test
  void noFilesNoGroupsAndNonsenseIsRefused() {
    assertThat(LandingFileGroups.of(List.of(), 2, MB)).isEmpty();
    assertThatThrownBy(() -> LandingFileGroups.of(files(1, i -> MB), 0, MB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cores");
  }

  private static long bytes(List<FileInspection> group) {
    return group.stream().mapToLong(f -> f.file().length()).sum();
  }

  private static List<FileInspection> files(int count, java.util.function.IntToLongFunction size) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                FileInspection.accepted(
                    LandingFile.of(
                        "/lake/landing/f" + i + ".avro",
                        String.format("landing/f%02d.avro", i),
                        size.applyAsLong(i),
                        1),
                    2))
        .toList();
  }
}
