package lakehouse.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/chaos.sh --quick --parallel 2}, as CI runs it: every scenario's small version
 * against the packaged lakehouse, two at a time, with no guarantee broken.
 */
class ChaosQuickIT {
  private static final Path PROJECT =
      Path.of(System.getProperty("lakehouse.project.dir", "..")).toAbsolutePath().normalize();

  @Test
  void everyScenarioKeepsEveryGuarantee() throws Exception {
    Path work = PROJECT.resolve("chaos/target/chaos-quick");
    Path output =
        Files.createDirectories(PROJECT.resolve("chaos/target")).resolve("chaos-quick.txt");
    Process chaos =
        new ProcessBuilder(
                PROJECT.resolve("scripts/chaos.sh").toString(),
                "--quick",
                "--parallel",
                "2",
                "--work",
                work.toString())
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean ended = chaos.waitFor(40, TimeUnit.MINUTES);
    if (!ended) {
      chaos.descendants().forEach(ProcessHandle::destroyForcibly);
      chaos.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(ended).as("chaos --quick ended within 40 minutes").isTrue();
    assertThat(printed).contains("chaos: no invariant violated");
    assertThat(chaos.exitValue()).as(printed).isZero();
    assertThat(Files.readString(work.resolve("chaos-results.md")))
        .contains("sigkill-night", "ambiguous-commit", "nightly-and-backfill");
  }
}
