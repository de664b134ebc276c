package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules of conf/prometheus, checked and unit-tested by Prometheus's own promtool
 * (Debian's {@code prometheus} package): each alert has cases that fire and cases that do not, in
 * lakehouse-rules.test.yml.
 */
class PrometheusRulesTest {
  private static final Path RULES = LakehouseProcess.PROJECT.resolve("conf/prometheus");

  @Test
  void theRulesAreValid() throws Exception {
    assertSucceeds("check", "rules", "lakehouse-rules.yml");
  }

  @Test
  void theRulesFireWhenTheyShouldAndOnlyThen() throws Exception {
    assertSucceeds("test", "rules", "lakehouse-rules.test.yml");
  }

  private static void assertSucceeds(String... arguments) throws IOException, InterruptedException {
    Path output = Files.createTempFile("promtool", ".txt");
    Process promtool =
        new ProcessBuilder(concat(promtool().toString(), arguments))
            .directory(RULES.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(promtool.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
    String said = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(promtool.exitValue()).as("promtool %s: %s", List.of(arguments), said).isZero();
    assertThat(said).contains("SUCCESS");
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static Path promtool() {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "promtool is not on PATH; install it with: apt-get install -y prometheus");
  }
}
