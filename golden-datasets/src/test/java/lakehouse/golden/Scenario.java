package lakehouse.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A golden scenario: a folder {@code scenarios/<name>/} with {@code scenario.json} (what it covers
 * and its command sequence), the hand-made landing records its steps deliver, and {@code
 * expected/}, the reviewed contents of every table after the last step.
 */
public record Scenario(String name, Path directory, String description, List<ScenarioStep> steps) {
  public static final String DEFINITION = "scenario.json";
  public static final String EXPECTED = "expected";

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Scenario load(Path directory) {
    Path definition = directory.resolve(DEFINITION);
    try {
      JsonNode root = JSON.readTree(definition.toFile());
      List<ScenarioStep> steps = new ArrayList<>();
      for (JsonNode step : root.path("steps")) {
        List<String> arguments = new ArrayList<>();
        step.path("lakehouse").forEach(argument -> arguments.add(argument.asText()));
        List<String> changed = null;
        if (step.has("tables_changed")) {
          changed = new ArrayList<>();
          for (JsonNode table : step.get("tables_changed")) {
            changed.add(table.asText());
          }
        }
        steps.add(
            new ScenarioStep(
                step.hasNonNull("land") ? step.get("land").asText() : null,
                arguments,
                step.path("exit").asInt(0),
                changed));
      }
      if (steps.isEmpty()) {
        throw new IllegalArgumentException(definition + ": no steps");
      }
      return new Scenario(
          directory.getFileName().toString(),
          directory,
          root.path("description").asText(""),
          List.copyOf(steps));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + definition, e);
    }
  }

  /** Every scenario under the folder, by name. */
  public static List<Scenario> all(Path scenarios) {
    try (Stream<Path> folders = Files.list(scenarios)) {
      return folders
          .filter(folder -> Files.isRegularFile(folder.resolve(DEFINITION)))
          .sorted()
          .map(Scenario::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + scenarios, e);
    }
  }

  public Path expected() {
    return directory.resolve(EXPECTED);
  }

  /** The definition file's text, as it is recorded in the manifest. */
  public JsonNode definition() {
    try {
      return JSON.readTree(directory.resolve(DEFINITION).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory.resolve(DEFINITION), e);
    }
  }

  /** The seeds of the scenario's generate steps, in step order. */
  public List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (ScenarioStep step : steps) {
      List<String> arguments = step.lakehouse();
      for (int i = 0; i + 1 < arguments.size(); i++) {
        if (arguments.get(i).equals("--seed")) {
          seeds.add(Long.parseLong(arguments.get(i + 1)));
        }
      }
    }
    return seeds;
  }
}
