package lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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

  @FuzzTest(maxDuration = "10m")
  void anyBytesAreAcceptedOrRejectedAsDocumented(byte[] landed) throws IOException {
    Path file = Files.createTempFile("landing-fuzz", ".avro");
    try {
      Files.write(file, landed);
      FileInspection inspection =
          INSPECTOR.inspect(
              LandingFile.of(file.toString(), "landing/fuzz.avro", landed.length, 0), HADOOP);
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
}
