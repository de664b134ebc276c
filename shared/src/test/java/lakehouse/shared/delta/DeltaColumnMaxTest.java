package lakehouse.shared.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest timestamp from the log's statistics equals the data's, or is declared unknown. */
class DeltaColumnMaxTest {
  private final SparkSession spark = TestSpark.session();

  @TempDir Path folder;

  private Dataset<Row> events() {
    return spark.sql(
        "SELECT * FROM VALUES "
            + "(TIMESTAMP '2026-11-01 23:59:58.123456', DATE '2026-11-01'), "
            + "(TIMESTAMP '2026-11-02 10:00:00', DATE '2026-11-02'), "
            + "(TIMESTAMP '2026-11-03 07:30:15.5', DATE '2026-11-03'), "
            + "(NULL, DATE '2026-11-04') AS t(event_time, event_date)");
  }

  private String write(String name, boolean collectStats) {
    String path = folder.resolve(name).toString();
    spark.conf().set("spark.databricks.delta.stats.collect", String.valueOf(collectStats));
    try {
      events().write().format("delta").partitionBy("event_date").save(path);
    } finally {
      spark.conf().unset("spark.databricks.delta.stats.collect");
    }
    return path;
  }

  @Test
  void theStatisticsGiveTheDatasNewestTimestampToTheMillisecond() {
    String table = write("with-stats", true);

    assertThat(DeltaColumnMax.timestamp(spark, table, "event_time", "event_date", Optional.empty()))
        .isEqualTo(
            new DeltaColumnMax.Answer(
                true, Optional.of(Instant.parse("2026-11-03T07:30:15.500Z"))));
    assertThat(
            DeltaColumnMax.timestamp(
                spark,
                table,
                "event_time",
                "event_date",
                Optional.of(LocalDate.parse("2026-11-04"))))
        .as("a partition whose values are all null holds no maximum")
        .isEqualTo(new DeltaColumnMax.Answer(true, Optional.empty()));
    assertThat(
            DeltaColumnMax.timestamp(
                spark,
                table,
                "event_time",
                "event_date",
                Optional.of(LocalDate.parse("2026-12-01"))))
        .as("no file in scope")
        .isEqualTo(new DeltaColumnMax.Answer(true, Optional.empty()));
  }

  @Test
  void filesWithoutStatisticsLeaveTheAnswerUnknown() {
    String table = write("without-stats", false);

    assertThat(
            DeltaColumnMax.timestamp(spark, table, "event_time", "event_date", Optional.empty())
                .known())
        .isFalse();
  }
}
