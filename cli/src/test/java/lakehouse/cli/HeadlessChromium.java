package lakehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, opening a local page the way a person would: scripts run, the DOM
 * they leave and a screenshot are taken, and every message the page wrote to its console is kept.
 * Background networking is off: the page must need no network.
 */
final class HeadlessChromium {
  private static final String BINARY = "chromium";

  /**
   * What Chromium made of a page.
   *
   * @param dom the document after its scripts ran
   * @param consoleMessages the lines Chromium logged for the page's console (errors included)
   */
  record Rendered(String dom, List<String> consoleMessages) {}

  private HeadlessChromium() {}

  /** Opens the page, waits for its scripts, and writes a screenshot of the given size. */
  static Rendered open(Path page, Path screenshot, int width, int height, Path scratch)
      throws IOException, InterruptedException {
    Path dom = scratch.resolve("dom.html");
    Path log = scratch.resolve("chromium.log");
    List<String> console = new ArrayList<>();
    run(scratch, log, List.of("--dump-dom", page.toUri().toString()), dom);
    console.addAll(consoleLines(log));
    run(
        scratch,
        log,
        List.of(
            "--hide-scrollbars",
            "--window-size=" + width + "," + height,
            "--screenshot=" + screenshot,
            page.toUri().toString()),
        null);
    console.addAll(consoleLines(log));
    return new Rendered(Files.readString(dom, StandardCharsets.UTF_8), console);
  }

  private static void run(Path scratch, Path log, List<String> what, Path stdout)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(scratch, "profile"),
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=10000"));
    command.addAll(what);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    builder.redirectOutput(
        stdout == null
            ? ProcessBuilder.Redirect.DISCARD
            : ProcessBuilder.Redirect.to(stdout.toFile()));
    Process chromium;
    try {
      chromium = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "chromium is not on PATH: install it (apt-get install chromium) to run this test", e);
    }
    if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new IllegalStateException("chromium did not finish within 120 s: " + command);
    }
    if (chromium.exitValue() != 0) {
      throw new IllegalStateException(
          "chromium exited with " + chromium.exitValue() + ": " + Files.readString(log));
    }
  }

  /** Chromium logs each console message (log, warning, error, uncaught exception) as CONSOLE. */
  private static List<String> consoleLines(Path log) throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains(":CONSOLE"))
        .toList();
  }
}
