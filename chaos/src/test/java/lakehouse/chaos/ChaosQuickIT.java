package lakehouse.chaos;

import static lakehouse.shared.testing.ProjectScript.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lakehouse.shared.testing.ProjectScript;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/chaos.sh --quick --parallel 2}, as CI runs it: every scenario's small version
 * against the packaged lakehouse, two at a time, with no guarantee broken.
 */
class ChaosQuickIT {
  @Test
  void everyScenarioKeepsEveryGuarantee() throws Exception {
    Path work = PROJECT.resolve("chaos/target/chaos-quick");
    ProjectScript.Outcome chaos =
        ProjectScript.run(
            PROJECT.resolve("chaos/target/chaos-quick.txt"),
            Duration.ofMinutes(40),
            "chaos.sh",
            "--quick",
            "--parallel",
            "2",
            "--work",
            work.toString());
    assertThat(chaos.ended()).as("chaos --quick ended within 40 minutes").isTrue();
    assertThat(chaos.printed()).contains("chaos: no invariant violated");
    assertThat(chaos.exitStatus()).as(chaos.printed()).isZero();
    assertThat(Files.readString(work.resolve("chaos-results.md")))
        .contains("sigkill-night", "ambiguous-commit", "nightly-and-backfill");
  }
}
