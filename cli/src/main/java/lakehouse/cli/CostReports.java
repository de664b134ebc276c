package lakehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.run.RunReportWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run reports whose cost figures measure whole nights: reports of {@code run} and {@code
 * backfill} that did not fail and took in landing events. Read from a lake's {@code _runs/} (the
 * latest ones) or from the files a user names.
 */
final class CostReports {
  /** Enough nights to smooth out one odd night, few enough to follow the lake as it changes. */
  static final int LATEST = 30;

  private static final Set<String> NIGHTLY_COMMANDS = Set.of("run", "backfill");

  private final Configuration hadoop;

  CostReports(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** The cost objects of the lake's latest nightly reports; none if the lake has no reports. */
  List<JsonNode> latestIn(String runsFolder) {
    Path folder = new Path(runsFolder);
    List<JsonNode> reports = new ArrayList<>();
    try {
      FileSystem fs = folder.getFileSystem(hadoop);
      FileStatus[] files;
      try {
        files = fs.listStatus(folder, path -> path.getName().endsWith(".json"));
      } catch (FileNotFoundException e) {
        return List.of();
      }
      for (FileStatus file : files) {
        if (file.isFile()) {
          JsonNode report = parse(read(fs, file.getPath()));
          if (report != null && measuresNights(report)) {
            reports.add(report);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run reports in " + runsFolder, e);
    }
    reports.sort(Comparator.comparing(report -> report.path("started_at").asText()));
    return reports.subList(Math.max(0, reports.size() - LATEST), reports.size()).stream()
        .map(report -> report.get("cost"))
        .toList();
  }

  /**
   * The cost object of a report a user named.
   *
   * @throws ConfigurationException naming the option and file, if it cannot be read or has no
   *     night's cost figures
   */
  JsonNode named(String file) {
    Path path = new Path(file);
    String text;
    try {
      text = read(path.getFileSystem(hadoop), path);
    } catch (FileNotFoundException e) {
      throw new ConfigurationException("--from-report " + file + ": no such file");
    } catch (IOException e) {
      throw new ConfigurationException("--from-report " + file + ": cannot read it: " + e);
    }
    JsonNode report = parse(text);
    if (report == null) {
      throw new ConfigurationException("--from-report " + file + ": not a run report (not JSON)");
    }
    if (!measuresNights(report)) {
      throw new ConfigurationException(
          "--from-report "
              + file
              + ": no cost figures of a night in it (a report of a run or backfill that took in"
              + " events, written by a version that measures cost)");
    }
    return report.get("cost");
  }

  private static boolean measuresNights(JsonNode report) {
    JsonNode cost = report.path("cost");
    return NIGHTLY_COMMANDS.contains(report.path("command").asText())
        && !"failed".equals(report.path("status").asText())
        && cost.isObject()
        && cost.path("events").asLong() > 0
        && cost.path("cores").asInt() > 0
        && cost.path("layers").isObject();
  }

  private static String read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The report, or null if the file is not JSON (a report being written, say). */
  private static JsonNode parse(String text) {
    try {
      return RunReportWriter.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
