package lakehouse.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.gold.snapshot.GoldSnapshot;
import lakehouse.gold.training.EntityColumns;
import lakehouse.shared.io.LakeFiles;
import lakehouse.shared.run.RunReportWriter;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code <out>/_manifest.json}: how a training set was made, enough to make it again: the command
 * and its arguments, the entity file (path, size, modification time), the snapshot id and the Delta
 * version of each gold table, the feature groups and versions, the maximum age. Spark's readers
 * skip files starting with an underscore, so it lies beside the Parquet files without being read as
 * data.
 */
final class TrainingSetManifest {
  static final String FILE = "_manifest.json";

  private TrainingSetManifest() {}

  static void write(
      String out,
      List<String> arguments,
      EntityFile entities,
      GoldSnapshot snapshot,
      FeatureSelection features,
      MaxAge maxAge,
      long rows,
      String writtenAt,
      Configuration hadoop) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("command", TrainingSetCommand.NAME);
    manifest.put("arguments", arguments);
    Map<String, Object> entityFile = new LinkedHashMap<>();
    entityFile.put("path", entities.path());
    entityFile.put("format", entities.format());
    entityFile.put("bytes", entities.bytes());
    entityFile.put("modified_at_ms", entities.modifiedAt());
    manifest.put("entities", entityFile);
    manifest.put("snapshot_id", snapshot.snapshotId());
    manifest.put("snapshot_taken_at", snapshot.takenAt());
    manifest.put("table_versions", snapshot.tables());
    manifest.put("features", features.versions());
    manifest.put("max_age", maxAge.toString());
    manifest.put("rows", rows);
    manifest.put("row_number_column", EntityColumns.ROW_NUMBER);
    manifest.put("written_at", writtenAt);
    try {
      LakeFiles.writeAtomically(
          out + "/" + FILE,
          RunReportWriter.toJson(manifest).getBytes(StandardCharsets.UTF_8),
          hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + "/" + FILE, e);
    }
  }
}
