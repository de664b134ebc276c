package lakehouse.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code expected/} folder of a scenario: one {@code <name>.jsonl} per compared table, rows in
 * the form {@link CanonicalRows} gives them, plus {@code MANIFEST.json}. Written only on request
 * (update mode); every byte follows from the rows, so an unchanged lake rewrites identical files.
 */
public final class ExpectedContents {
  public static final String SUFFIX = ".jsonl";

  private final Path folder;

  public ExpectedContents(Path folder) {
    this.folder = folder;
  }

  public Path file(LakeContents contents) {
    return folder.resolve(contents.name() + SUFFIX);
  }

  /** The expected rows of the table. */
  public Dataset<Row> read(SparkSession spark, LakeContents contents, StructType schema) {
    Path file = file(contents);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          "no expected file " + file + "; make it with scripts/update-golden, then review it");
    }
    return contents.readExpected(spark, file, schema);
  }

  /**
   * Writes the lines, each ending in a newline; removes expected files of tables no longer
   * compared.
   */
  public void write(LakeContents contents, List<String> lines) throws IOException {
    Files.createDirectories(folder);
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    Files.writeString(file(contents), text.toString(), StandardCharsets.UTF_8);
  }

  /** Deletes the expected files whose table is not among those compared any more. */
  public void removeOthers(List<? extends LakeContents> compared) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> kept = compared.stream().map(this::file).toList();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
        if (!kept.contains(file)) {
          Files.delete(file);
        }
      }
    }
  }
}
