package lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnreadableFileInFailureTest {
  private static final FileInspection GOOD =
      FileInspection.accepted(LandingFile.of("/lake/landing/a.avro", "landing/a.avro", 10, 1), 2);
  private static final FileInspection BAD =
      FileInspection.accepted(LandingFile.of("/lake/landing/b.avro", "landing/b.avro", 20, 2), 2);
  private static final List<FileInspection> BATCH = List.of(GOOD, BAD);

  @Test
  void findsTheFileAmongTheCausesOfTheFailure() {
    Exception failure =
        new IllegalStateException(
            "Job aborted",
            new RuntimeException(
                "Task failed while writing rows",
                new UnreadableLandingFileException(
                    BAD.file(), "after 9 records: bad block", null)));

    assertThat(UnreadableFileInFailure.find(failure, BATCH))
        .contains(new UnreadableFileInFailure(BAD, "after 9 records: bad block"));
  }

  @Test
  void findsTheFileNamedByTheTextOfAFailureThatLostItsCause() {
    Exception failure =
        new IllegalStateException(
            "Job aborted due to stage failure: Task 3 failed 4 times, most recent failure:"
                + " lakehouse.bronze.UnreadableLandingFileException: "
                + new UnreadableLandingFileException(BAD.file(), "after 9 records: bad block", null)
                    .getMessage()
                + "\n\tat lakehouse.bronze.LandingFileRows.hasNext(LandingFileRows.java:1)");

    assertThat(UnreadableFileInFailure.find(failure, BATCH))
        .contains(new UnreadableFileInFailure(BAD, "after 9 records: bad block"));
  }

  @Test
  void anyOtherFailureIsNotAFileToReject() {
    assertThat(UnreadableFileInFailure.find(new IllegalStateException("disk full"), BATCH))
        .isEmpty();
  }
}
