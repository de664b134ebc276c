package lakehouse.shared.lake;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Where every table and folder of the lake lives under its root (a local path or {@code
 * s3a://bucket/prefix}). The one place that knows the lake's paths.
 */
public record LakeLayout(String root) implements Serializable {

  public LakeLayout {
    while (root.length() > 1 && root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  public String resolve(String relative) {
    return root + "/" + relative;
  }

  public String landingEvents() {
    return resolve("landing/ad_events");
  }

  public String landingEventsForDate(LocalDate ingestDate) {
    return landingEvents() + "/ingest_date=" + ingestDate;
  }

  public String bronzeEvents() {
    return resolve("bronze/ad_events");
  }

  public String silverEvents() {
    return resolve("silver/ad_events");
  }

  public String quarantine() {
    return resolve("silver/quarantine");
  }

  public String processedFiles() {
    return resolve("silver/_processed_files");
  }

  /** A silver feature group; its version is part of the path so versions live side by side. */
  public String featureGroup(String name, String version) {
    return resolve("silver/" + name + "/" + version);
  }

  public String goldTable(String name, String version) {
    return resolve("gold/" + name + "/" + version);
  }

  public String goldLineage() {
    return resolve("gold/_lineage");
  }

  public String staging() {
    return resolve("_staging");
  }

  /** {@code _staging/<table>/<version>/partition_key=<value>/run_id=<run id>/}. */
  public String stagedPartition(String table, String version, String partitionKey, String runId) {
    return staging()
        + "/"
        + table
        + "/"
        + version
        + "/partition_key="
        + partitionKey
        + "/run_id="
        + runId;
  }

  public String runs() {
    return resolve("_runs");
  }

  public String runReport(String runId) {
    return runs() + "/" + runId + ".json";
  }

  /** Where consistent snapshots of the gold tables are recorded, one JSON file per snapshot id. */
  public String snapshots() {
    return resolve("_snapshots");
  }

  /**
   * Turns an absolute path of a file under the root into the lake-relative path reported to users
   * ({@code landing/ad_events/...}); paths outside the root are returned unchanged.
   */
  public String relativize(String absolute) {
    String normalizedRoot = stripScheme(root);
    String normalizedPath = stripScheme(absolute);
    int at = normalizedPath.indexOf(normalizedRoot + "/");
    return at < 0 ? absolute : normalizedPath.substring(at + normalizedRoot.length() + 1);
  }

  private static String stripScheme(String path) {
    String withoutScheme = path.startsWith("file:") ? path.substring("file:".length()) : path;
    while (withoutScheme.startsWith("//")) {
      withoutScheme = withoutScheme.substring(1);
    }
    return withoutScheme;
  }
}
