package lakehouse.shared.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run reports of a lake's {@code _runs/} folder, on any file system Hadoop reaches. A file that
 * does not parse (a report being written, or not a report) is left out.
 */
public final class RunReportFolder {
  private RunReportFolder() {}

  /** Every report in the folder but the one named {@code leftOut} (null: none left out). */
  public static List<JsonNode> read(Configuration hadoop, String runsFolder, String leftOut)
      throws IOException {
    Path folder = new Path(runsFolder);
    FileSystem fs = folder.getFileSystem(hadoop);
    FileStatus[] files;
    try {
      files =
          fs.listStatus(
              folder, path -> path.getName().endsWith(".json") && !path.getName().equals(leftOut));
    } catch (FileNotFoundException e) {
      return List.of();
    }
    List<JsonNode> reports = new ArrayList<>();
    for (FileStatus file : files) {
      if (!file.isFile()) {
        continue;
      }
      try (InputStream in = fs.open(file.getPath())) {
        reports.add(RunReportWriter.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        // A report being written, or not a report: it holds nothing yet.
      }
    }
    return reports;
  }
}
