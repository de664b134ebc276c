package lakehouse.gold.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import lakehouse.shared.io.LakeFiles;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Remembers when each run first started building gold, in {@code gold/_runs/<run id>.json}, so that
 * a retry of a run (same id, days later) is still ordered by its first start. The record is written
 * once and never changed; it is tiny and kept forever, unlike staging.
 */
public final class RunStartRegistry {
  public static final String RELATIVE_PATH = "gold/_runs";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LakeLayout lake;
  private final Configuration hadoop;

  public RunStartRegistry(LakeLayout lake, Configuration hadoop) {
    this.lake = lake;
    this.hadoop = hadoop;
  }

  /** The run's recorded start, recording now (by the clock) if this is its first start. */
  public RunStart register(String runId, Clock clock) {
    Path file = new Path(lake.resolve(RELATIVE_PATH + "/" + runId + ".json"));
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      if (fs.exists(file)) {
        return read(fs, file);
      }
      RunStart start = new RunStart(runId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
      ObjectNode json =
          JSON.createObjectNode()
              .put("run_id", runId)
              .put("started_at", start.startedAt().toString());
      LakeFiles.writeAtomically(file.toString(), JSON.writeValueAsBytes(json), hadoop);
      return start;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the start of run " + runId + " at " + file, e);
    }
  }

  private static RunStart read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      JsonNode json = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new RunStart(
          json.get("run_id").asText(), Instant.parse(json.get("started_at").asText()));
    }
  }
}
