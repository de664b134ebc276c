package lakehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lakehouse.cli.metrics.ArrivalHistory;
import lakehouse.cli.metrics.LatenessRecommendation;
import lakehouse.cli.report.Chart;
import lakehouse.cli.report.NightFigures;
import lakehouse.cli.report.NightHistory;
import lakehouse.cli.report.ReportCharts;
import lakehouse.cli.report.ReportPage;
import lakehouse.gold.status.GoldFileCounts;
import lakehouse.gold.status.PartitionRange;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.config.LatenessRecommendationSettings;
import lakehouse.shared.run.RunReportFolder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code report --out FILE.html [--from D1 --to D2]}: one self-contained page of charts over the
 * lake's nights, drawn from the run reports (the figures that are also pushed to Prometheus) and
 * from the gold tables' logs (files per partition). Reads the lake; changes nothing.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Writes one self-contained HTML page of charts over the lake's nights: duration and records"
            + " per second per layer, quarantine, duplicates, arrival latency and the recommended"
            + " allowed lateness, freshness, files per gold partition.")
final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.html",
      description = "Where to write the page (replaced if it exists).")
  String out;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First ingest date to show.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last ingest date to show.")
  LocalDate to;

  private final CommandEnvironment environment;

  ReportCommand(CommandEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    if (from != null && to != null && to.isBefore(from)) {
      throw new ConfigurationException("--to " + to + " is before --from " + from);
    }
    if (!out.endsWith(".html")) {
      throw new ConfigurationException("--out " + out + " must name an .html file");
    }
    LakehouseConfig config =
        new ConfigLoader().load(common.conf, ConfigLoader.overrides(common.lake, common.settings));
    SparkSession spark = environment.sessions().open("lakehouse report", config.sparkSettings());
    try {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      List<JsonNode> reports = RunReportFolder.read(hadoop, config.lake().runs(), null);
      List<NightFigures> nights = NightHistory.of(reports, from, to);
      LatenessRecommendationSettings recommending = config.metrics().latenessRecommendation();
      LatenessRecommendation lateness =
          LatenessRecommendation.of(
              ArrivalHistory.newest(hadoop, config.lake().runs(), recommending.nights()),
              recommending.keepShare(),
              config.silver().allowedLatenessDays());
      Map<String, Map<String, Long>> goldFiles =
          new GoldFileCounts(spark, config.lake(), config.gold())
              .perPartition(new PartitionRange(Optional.ofNullable(from), Optional.ofNullable(to)));
      List<Chart> charts = new ReportCharts(nights).all(lateness, goldFiles);
      String page =
          ReportPage.render(
              "Lakehouse nights: " + config.lake().resolve(""),
              summary(nights, reports.size(), lateness),
              charts);
      write(hadoop, page);
      environment
          .console()
          .progress(
              String.format(
                  Locale.ROOT,
                  "report: %d nights%s, %d charts, written to %s",
                  nights.size(),
                  nights.isEmpty()
                      ? ""
                      : " from "
                          + nights.get(0).night()
                          + " to "
                          + nights.get(nights.size() - 1).night(),
                  charts.size(),
                  out));
      return ExitStatus.DONE;
    } finally {
      environment.sessions().close(spark);
    }
  }

  private static List<String> summary(
      List<NightFigures> nights, int reports, LatenessRecommendation lateness) {
    List<String> lines = new ArrayList<>();
    if (nights.isEmpty()) {
      lines.add("No night in the range: " + reports + " run reports read.");
    } else {
      NightFigures last = nights.get(nights.size() - 1);
      long read = nights.stream().mapToLong(NightFigures::silverRead).sum();
      long quarantined =
          nights.stream()
              .mapToLong(n -> n.quarantinedByReason().values().stream().mapToLong(c -> c).sum())
              .sum();
      lines.add(
          String.format(
              Locale.ROOT,
              "%d nights from %s to %s, from %d run reports; the newest, %s, was run %s (%s).",
              nights.size(),
              nights.get(0).night(),
              last.night(),
              reports,
              last.night(),
              last.runId(),
              last.status()));
      lines.add(
          String.format(
              Locale.ROOT,
              "Silver read %,d records; %,d quarantine reasons recorded (%.2f%%); %,d landing files"
                  + " rejected.",
              read,
              quarantined,
              read == 0 ? 0.0 : 100.0 * quarantined / read,
              nights.stream().mapToLong(NightFigures::rejectedFiles).sum()));
    }
    lines.add(lateness.line() + ".");
    return lines;
  }

  private void write(Configuration hadoop, String page) throws IOException {
    Path path = new Path(out);
    FileSystem fs = path.getFileSystem(hadoop);
    try (OutputStream stream = fs.create(path, true)) {
      stream.write(page.getBytes(StandardCharsets.UTF_8));
    }
  }
}
