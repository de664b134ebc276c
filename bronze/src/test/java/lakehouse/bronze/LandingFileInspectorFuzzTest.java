package lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import lakehouse.shared.pii.PiiTokenizer;
import org.apache.hadoop.conf.Configuration;

/**
 * Any bytes at all, landed as a file, are either accepted with a registered version or rejected
 * with a documented reason and a detail; inspection never throws nor runs out of memory. Under
 * plain {@code mvn verify} only the inputs in {@code LandingFileInspectorFuzzTestInputs} run; with
 * {@code JAZZER_FUZZ=1} Jazzer searches for new ones.
 */
class LandingFileInspectorFuzzTest {
  private static final LandingFileInspector INSPECTOR =
      new LandingFileInspector(TestLanding.SCHEMAS);
  private static final Configuration HADOOP = new Configuration();
  private static final Set<Integer> REGISTERED_VERSIONS = Set.of(1, 2);
  private static final PiiTokenizer TOKENS = PiiTokenizer.fromSecret("fuzz-key");
  private static final LocalDate DAY = LocalDate.parse("2026-11-23");

  @FuzzTest(maxDuration = "10m")
  void anyBytesAreAcceptedOrRejectedAsDocumented(byte[] landed) throws IOException {
    Path file = Files.createTempFile("landing-fuzz", ".avro");
    try {
      FileInspection inspection = inspect(file, landed);
      if (inspection.isAccepted()) {
        assertThat(inspection.schemaVersion()).isIn(REGISTERED_VERSIONS);
      } else {
        assertThat(inspection.rejection())
            .isIn(RejectionReason.CORRUPT_FILE, RejectionReason.UNKNOWN_SCHEMA);
        assertThat(inspection.detail()).isNotBlank();
      }
    } finally {
      Files.delete(file);
    }
  }

  /**
   * What inspection accepts, a task decodes: to its end, or failing with an {@link
   * UnreadableLandingFileException} that rejects the file whole; never another exception, nor a
   * buffer the size a length field claims.
   */
  @FuzzTest(maxDuration = "10m")
  void acceptedFilesDecodeToTheirEndOrAreUnreadable(byte[] landed) throws IOException {
    Path file = Files.createTempFile("landing-fuzz", ".avro");
    try {
      FileInspection inspection = inspect(file, landed);
      if (!inspection.isAccepted()) {
        return;
      }
      try {
        // Opening reads ahead into the first block, so it can fail as reading does.
        LandingFileRows rows =
            new LandingFileRows(
                inspection,
                TestLanding.SCHEMAS.version(inspection.schemaVersion()),
                TOKENS,
                DAY,
                "run-fuzz",
                HADOOP,
                count -> {});
        while (rows.hasNext()) {
          rows.next();
        }
      } catch (UnreadableLandingFileException expected) {
        // Rejected whole: the documented outcome for a file that is corrupt inside.
      }
    } finally {
      Files.delete(file);
    }
  }

  private static FileInspection inspect(Path file, byte[] landed) throws IOException {
    Files.write(file, landed);
    return INSPECTOR.inspect(
        LandingFile.of(
            file.toString(),
            "landing/fuzz.avro",
            landed.length,
            Files.getLastModifiedTime(file).toMillis()),
        HADOOP);
  }
}
