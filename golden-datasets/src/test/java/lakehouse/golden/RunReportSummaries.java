package lakehouse.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import lakehouse.shared.lake.LakeLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The run reports ({@code _runs/<run id>.json}) reduced to what two identical runs agree on:
 * status, exit status and what each layer decided (files ingested and rejected, rows read,
 * accepted, quarantined by reason, duplicates dropped, event dates changed, gold partitions
 * promoted and their rows). Times, durations, paths, versions, the configuration and the rejection
 * details (wording) are left out; object keys are sorted. Compared like a table, one row per run id
 * with its summary as compact JSON; in the expected file the summary is a JSON object, so it reads
 * as the report does.
 */
public final class RunReportSummaries implements LakeContents {
  public static final RunReportSummaries ALL = new RunReportSummaries();

  private static final String RUN_ID = "run_id";
  private static final String SUMMARY = "summary";
  private static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, true)
          .add(SUMMARY, DataTypes.StringType, true);

  /** Kept with their whole value. */
  private static final Set<String> WHOLE =
      Set.of(
          "arguments",
          "rows_quarantined",
          "changed_event_dates",
          "partitions_promoted",
          "partitions_already_promoted",
          "partitions_superseded",
          "rows_per_partition");

  /** Kept, their value filtered the same way. */
  private static final Set<String> FILTERED =
      Set.of(
          "command",
          "status",
          "exit_status",
          "layers",
          "bronze",
          "silver",
          "gold",
          "files_ingested",
          "files_skipped",
          "rows_read",
          "files_rejected",
          "file",
          "reason",
          "rows_accepted",
          "duplicates_dropped",
          "records_quarantined",
          "rows_already_accepted");

  /**
   * Objects whose keys are data (backfill's dates): every key kept, values filtered, each with its
   * run id.
   */
  private static final Set<String> KEYED_BY_DATA = Set.of("dates");

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReportSummaries() {}

  @Override
  public String name() {
    return "run_reports";
  }

  @Override
  public List<String> key() {
    return List.of(RUN_ID);
  }

  @Override
  public StructType comparedSchema(SparkSession spark) {
    return SCHEMA;
  }

  @Override
  public Dataset<Row> actual(SparkSession spark, LakeLayout lake) {
    List<Row> rows = new ArrayList<>();
    Path runs = Path.of(lake.runs());
    if (Files.isDirectory(runs)) {
      try (Stream<Path> reports = Files.list(runs)) {
        for (Path report :
            reports.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
          JsonNode tree = JSON.readTree(report.toFile());
          rows.add(
              RowFactory.create(tree.path(RUN_ID).asText(), JSON.writeValueAsString(filter(tree))));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the run reports under " + runs, e);
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** One line per run, by run id: {@code {"run_id": ..., "summary": {...}}}. */
  @Override
  public List<String> expectedLines(Dataset<Row> rows) {
    List<String> lines = new ArrayList<>();
    for (Row row : rows.orderBy(RUN_ID).collectAsList()) {
      ObjectNode line = JSON.createObjectNode();
      line.put(RUN_ID, row.getString(0));
      line.set(SUMMARY, parse(row.getString(1)));
      lines.add(line.toString());
    }
    return lines;
  }

  @Override
  public Dataset<Row> readExpected(SparkSession spark, Path file, StructType schema) {
    List<Row> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          JsonNode expected = JSON.readTree(line);
          rows.add(
              RowFactory.create(
                  expected.path(RUN_ID).asText(), JSON.writeValueAsString(expected.path(SUMMARY))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return spark.createDataFrame(rows, schema);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run report summary is not JSON: " + json, e);
    }
  }

  private static JsonNode filter(JsonNode node) {
    if (node.isArray()) {
      ArrayNode kept = JSON.createArrayNode();
      node.forEach(element -> kept.add(filter(element)));
      return kept;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode kept = JSON.createObjectNode();
    // Sorted: the reports' maps are not ordered the same way in every JVM.
    for (String name : new TreeSet<>(fieldNames(node))) {
      JsonNode value = node.get(name);
      if (WHOLE.contains(name)) {
        kept.set(name, sorted(value));
      } else if (FILTERED.contains(name)) {
        kept.set(name, filter(value));
      } else if (KEYED_BY_DATA.contains(name) && value.isObject()) {
        ObjectNode byKey = JSON.createObjectNode();
        for (String key : new TreeSet<>(fieldNames(value))) {
          ObjectNode entry = JSON.createObjectNode();
          if (value.get(key).has(RUN_ID)) {
            entry.set(RUN_ID, value.get(key).get(RUN_ID));
          }
          entry.setAll((ObjectNode) filter(value.get(key)));
          byKey.set(key, entry);
        }
        kept.set(name, byKey);
      }
    }
    return kept;
  }

  /** The value with the keys of every object in it sorted. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode copy = JSON.createObjectNode();
    for (String name : new TreeSet<>(fieldNames(node))) {
      copy.set(name, sorted(node.get(name)));
    }
    return copy;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
