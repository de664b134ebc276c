package lakehouse.shared.run;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import lakehouse.shared.io.LakeFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The durable progress of one backfill (a range and its layers): for each completed date, the
 * fingerprint of its inputs and configuration and the run that did it. A backfill started again
 * skips a date only when the fingerprint still matches, so a changed input or setting is redone.
 * Rewritten whole after every date, so a crash loses at most the date in progress.
 */
public final class BackfillLedger {
  /** One completed date. */
  public record Entry(String fingerprint, String runId, String status) {}

  private final String path;
  private final Configuration hadoop;
  private final Map<String, Entry> completed;

  private BackfillLedger(String path, Configuration hadoop, Map<String, Entry> completed) {
    this.path = path;
    this.hadoop = hadoop;
    this.completed = completed;
  }

  public static BackfillLedger open(String path, Configuration hadoop) throws IOException {
    Path file = new Path(path);
    FileSystem fs = file.getFileSystem(hadoop);
    try (InputStream in = fs.open(file)) {
      Map<String, Entry> entries =
          RunReportWriter.mapper()
              .readValue(
                  new String(in.readAllBytes(), StandardCharsets.UTF_8),
                  new TypeReference<TreeMap<String, Entry>>() {});
      return new BackfillLedger(path, hadoop, entries);
    } catch (FileNotFoundException e) {
      return new BackfillLedger(path, hadoop, new TreeMap<>());
    }
  }

  public boolean isCompleted(LocalDate date, String fingerprint) {
    Entry entry = completed.get(date.toString());
    return entry != null && entry.fingerprint().equals(fingerprint);
  }

  public void complete(LocalDate date, String fingerprint, String runId, String status)
      throws IOException {
    completed.put(date.toString(), new Entry(fingerprint, runId, status));
    LakeFiles.writeAtomically(
        path, RunReportWriter.toJson(completed).getBytes(StandardCharsets.UTF_8), hadoop);
  }
}
