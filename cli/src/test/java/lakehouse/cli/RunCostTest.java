package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import lakehouse.shared.run.RunReportWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost figures of run reports: what each layer read and wrote, against the files on disk. */
class RunCostTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-12");

  @TempDir Path lake;

  @Test
  @DisplayName(
      "a night's report shows each layer's files, bytes and records, agreeing with the files on disk")
  void aNightsCostAgreesWithTheLake() throws IOException {
    InProcessLakehouse.Outcome generated =
        InProcessLakehouse.run(
            "generate",
            "--out",
            lake.toString(),
            "--from",
            DAY.toString(),
            "--events-per-day",
            "600",
            "--seed",
            "5",
            "--files-per-day",
            "3",
            "--corrupt-files");
    assertThat(generated.exitStatus()).as(generated.stderr()).isZero();

    InProcessLakehouse.Outcome run =
        InProcessLakehouse.run(
            "run", "--date", DAY.toString(), "--lake", lake.toString(), "--run-id", "cost-1");
    assertThat(run.exitStatus()).as(run.stderr()).isEqualTo(3);

    JsonNode report = report("cost-1");
    JsonNode cost = report.get("cost");
    long landed = report.at("/layers/bronze/rows_read").asLong();
    assertThat(cost.get("events").asLong()).isEqualTo(landed).isPositive();
    assertThat(cost.get("nights").asInt()).isEqualTo(1);
    assertThat(cost.get("cores").asInt()).isEqualTo(2);

    JsonNode bronze = cost.at("/layers/bronze");
    List<Path> bronzeFiles = dataFiles(lake.resolve("bronze/ad_events/ingest_date=" + DAY));
    assertThat(bronze.at("/written/files").asLong())
        .as("bronze's files in the partition of a fresh lake: " + bronze)
        .isEqualTo(bronzeFiles.size())
        .isPositive();
    assertThat(bronze.at("/written/bytes").asLong()).isEqualTo(size(bronzeFiles));
    assertThat(bronze.at("/written/records").asLong()).isEqualTo(landed);
    assertThat(bronze.get("delta_commits").asLong()).isEqualTo(1);
    int landingFiles = landingFiles().size();
    assertThat(bronze.at("/files_read_by_format/avro").asLong())
        .as("every landing file is read, the rejected one too")
        .isEqualTo(landingFiles);
    assertThat(bronze.at("/read/bytes").asLong()).isGreaterThanOrEqualTo(size(landingFiles()));

    JsonNode silver = cost.at("/layers/silver");
    List<Path> silverFiles = dataFiles(lake.resolve("silver"));
    assertThat(silver.at("/written/files").asLong())
        .as("silver's tables of a fresh lake: " + silver)
        .isEqualTo(silverFiles.size());
    assertThat(silver.at("/written/bytes").asLong()).isEqualTo(size(silverFiles));
    assertThat(silver.at("/read/files").asLong()).isPositive();
    assertThat(silver.at("/written/records").asLong())
        .isGreaterThanOrEqualTo(report.at("/layers/silver/rows_read").asLong());

    JsonNode gold = cost.at("/layers/gold");
    List<Path> goldFiles = dataFiles(lake.resolve("gold"));
    assertThat(gold.at("/written/files").asLong())
        .as("gold's tables, and the staging it removed after promoting: " + gold)
        .isGreaterThan(goldFiles.size());
    assertThat(gold.get("delta_commits").asLong()).isPositive();

    JsonNode requests = cost.get("requests_estimate");
    long filesRead = 0;
    long filesWritten = 0;
    long commits = 0;
    for (JsonNode layer : List.of(bronze, silver, gold)) {
      filesRead += layer.at("/read/files").asLong();
      filesWritten += layer.at("/written/files").asLong();
      commits += layer.get("delta_commits").asLong();
    }
    assertThat(requests.get("get").asLong()).isEqualTo(filesRead + commits);
    assertThat(requests.get("head").asLong()).isEqualTo(filesRead);
    assertThat(requests.get("put").asLong()).isEqualTo(filesWritten + commits);
    assertThat(requests.get("list").asLong()).isEqualTo(commits);
    assertThat(cost.get("requests_rule").asText()).startsWith("estimate");

    InProcessLakehouse.Outcome again =
        InProcessLakehouse.run(
            "run", "--date", DAY.toString(), "--lake", lake.toString(), "--run-id", "cost-2");
    assertThat(again.exitStatus()).as(again.stderr()).isEqualTo(3);
    JsonNode second = report("cost-2").get("cost");
    assertThat(second.at("/layers/bronze/written/files").asLong())
        .as("nothing new to ingest, nothing written")
        .isZero();
    assertThat(second.get("events").asLong()).isZero();
  }

  private JsonNode report(String runId) throws IOException {
    return RunReportWriter.parse(Files.readString(lake.resolve("_runs/" + runId + ".json")));
  }

  private List<Path> landingFiles() throws IOException {
    try (Stream<Path> files = Files.walk(lake.resolve("landing"))) {
      return files.filter(p -> p.toString().endsWith(".avro")).toList();
    }
  }

  /** Parquet data files under a folder: not Delta's log, not Hadoop's checksum files. */
  private static List<Path> dataFiles(Path under) throws IOException {
    try (Stream<Path> files = Files.walk(under)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("_delta_log"))
          .toList();
    }
  }

  private static long size(List<Path> files) throws IOException {
    long size = 0;
    for (Path file : files) {
      size += Files.size(file);
    }
    return size;
  }
}
