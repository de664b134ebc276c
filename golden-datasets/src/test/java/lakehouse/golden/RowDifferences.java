package lakehouse.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reviewer reads when a table differs from its expected rows: for a key found once on each
 * side, the columns that changed ({@code clicks_7d 0 -> 1}); then the rows whose key is only
 * expected, and those only in the lake. Works on the JSON lines of the expected file's form.
 */
public final class RowDifferences {
  private static final int SHOWN = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RowDifferences() {}

  /**
   * @param missing expected rows the lake does not have, as JSON lines
   * @param unexpected rows of the lake that are not expected, as JSON lines
   */
  public static String describe(List<String> key, List<String> missing, List<String> unexpected) {
    Map<String, List<JsonNode>> expectedByKey = byKey(key, missing);
    Map<String, List<JsonNode>> actualByKey = byKey(key, unexpected);
    List<String> changed = new ArrayList<>();
    List<String> onlyExpected = new ArrayList<>();
    List<String> onlyActual = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> expected : expectedByKey.entrySet()) {
      List<JsonNode> actual = actualByKey.get(expected.getKey());
      if (actual != null && actual.size() == 1 && expected.getValue().size() == 1) {
        changed.add(
            expected.getKey() + ": " + columnChanges(expected.getValue().get(0), actual.get(0)));
      } else {
        expected.getValue().forEach(row -> onlyExpected.add(row.toString()));
      }
    }
    for (Map.Entry<String, List<JsonNode>> actual : actualByKey.entrySet()) {
      List<JsonNode> expected = expectedByKey.get(actual.getKey());
      if (expected == null || expected.size() != 1 || actual.getValue().size() != 1) {
        actual.getValue().forEach(row -> onlyActual.add(row.toString()));
      }
    }
    return section("changed rows (expected -> lake)", changed, "    ~ ")
        + section("rows only in expected", onlyExpected, "    - ")
        + section("rows only in the lake", onlyActual, "    + ");
  }

  private static String columnChanges(JsonNode expected, JsonNode actual) {
    List<String> changes = new ArrayList<>();
    collectChanges("", expected, actual, changes);
    return String.join(", ", changes);
  }

  /**
   * Nested objects (a run report's summary) are compared field by field, named by their dotted
   * path.
   */
  private static void collectChanges(
      String path, JsonNode expected, JsonNode actual, List<String> changes) {
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        collectChanges(
            path.isEmpty() ? name : path + "." + name,
            expected.path(name),
            actual.path(name),
            changes);
      }
    } else if (!expected.equals(actual)) {
      changes.add(path + " " + shown(expected) + " -> " + shown(actual));
    }
  }

  private static String shown(JsonNode value) {
    return value.isMissingNode() ? "(absent)" : value.toString();
  }

  private static Map<String, List<JsonNode>> byKey(List<String> key, List<String> lines) {
    Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
    for (String line : lines) {
      JsonNode row = parse(line);
      String id =
          key.stream()
              .map(column -> column + "=" + row.path(column).asText())
              .collect(Collectors.joining(" "));
      rows.computeIfAbsent(id, ignored -> new ArrayList<>()).add(row);
    }
    return rows;
  }

  private static String section(String title, List<String> lines, String prefix) {
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder text =
        new StringBuilder("  ").append(title).append(" (").append(lines.size()).append("):\n");
    lines.stream().limit(SHOWN).forEach(line -> text.append(prefix).append(line).append('\n'));
    if (lines.size() > SHOWN) {
      text.append(prefix).append("... ").append(lines.size() - SHOWN).append(" more\n");
    }
    return text.toString();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a JSON line: " + line, e);
    }
  }
}
