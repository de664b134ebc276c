package lakehouse.golden;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code expected/MANIFEST.json}: how the expected files were made: the scenario's definition
 * (command sequence, generator arguments, settings), its seeds, the environment given to the
 * commands, the Spark and Delta versions, the comparison's conventions and each expected file's row
 * count. Nothing that changes from one update to the next (no date, no host), so an unchanged tree
 * rewrites it identically.
 */
public final class GoldenManifest {
  public static final String FILE = "MANIFEST.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldenManifest() {}

  public static void write(
      Scenario scenario, String sparkVersion, String deltaVersion, Map<String, Integer> rowsPerFile)
      throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("scenario", scenario.name());
    manifest.set("definition", scenario.definition());
    manifest.set("seeds", JSON.valueToTree(scenario.seeds()));
    manifest.set("environment", JSON.valueToTree(new TreeMap<>(ScenarioRunner.ENVIRONMENT)));
    ObjectNode versions = manifest.putObject("made_with");
    versions.put("spark", sparkVersion);
    versions.put("delta", deltaVersion);
    ObjectNode conventions = manifest.putObject("conventions");
    conventions.put(
        "timestamps", "ISO-8601 UTC, milliseconds (" + CanonicalRows.TIMESTAMP_FORMAT + ")");
    conventions.put(
        "rows", "one JSON object per line, every column present, key columns first, sorted by key");
    conventions.put(
        "dropped",
        "bronze: reduced to records per landing file; quarantine: source_fingerprint; "
            + "run reports: times, durations, paths, versions and configuration");
    manifest.set("rows", JSON.valueToTree(new TreeMap<>(rowsPerFile)));

    // Objects one key a line, arrays (command arguments) on one line; "\n" whatever the platform.
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    String text = JSON.writer(printer).writeValueAsString(manifest) + "\n";
    Path file = scenario.expected().resolve(FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
