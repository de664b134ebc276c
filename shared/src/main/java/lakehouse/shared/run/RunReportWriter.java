package lakehouse.shared.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import lakehouse.shared.io.LakeFiles;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;

/** Writes and reads run reports under {@code _runs/}, whole or not at all. */
public final class RunReportWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final LakeLayout lake;
  private final Configuration hadoop;

  public RunReportWriter(LakeLayout lake, Configuration hadoop) {
    this.lake = lake;
    this.hadoop = hadoop;
  }

  public String write(RunReport report) throws IOException {
    String path = lake.runReport(report.runId());
    LakeFiles.writeAtomically(path, toJson(report).getBytes(StandardCharsets.UTF_8), hadoop);
    return path;
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the run report as JSON", e);
    }
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static ObjectMapper mapper() {
    return JSON;
  }
}
