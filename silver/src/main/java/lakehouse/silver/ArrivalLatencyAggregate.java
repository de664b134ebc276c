package lakehouse.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Measures the {@link ArrivalLatency} of a run's bronze rows in one small aggregate that reads the
 * event_time column alone: one row out, whatever the night's size.
 *
 * <p>The percentiles are Spark's percentile_approx with an accuracy of {@value #ACCURACY}: the rank
 * of the value returned is within 1/{@value #ACCURACY} of the records of the rank asked for (p99.9
 * is a value between p99.89 and p99.91). The maximum and the days-late counts are exact, because a
 * recommendation is made of counts.
 */
public final class ArrivalLatencyAggregate {
  static final int ACCURACY = 10_000;
  private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};

  private ArrivalLatencyAggregate() {}

  /** The latency of the rows read for the window's ingest date. */
  public static ArrivalLatency measure(Dataset<Row> bronze, EventTimeWindow window) {
    return fromRow(window.ingestDate(), aggregate(bronze, window).head());
  }

  /**
   * One row: records considered, without event_time, future, the percentiles (an array), the
   * maximum, then a count per days late from 0 to the cap and one for more.
   */
  public static Dataset<Row> aggregate(Dataset<Row> bronze, EventTimeWindow window) {
    Column eventTime = col(BronzeEvents.EVENT_TIME);
    Column considered = eventTime.isNotNull().and(eventTime.lt(lit(window.futureBoundary())));
    long endOfIngestDate =
        window.ingestDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    Column latency = when(considered, lit(endOfIngestDate).minus(unix_seconds(eventTime)));
    // Within the clock-skew tolerance an event may be dated after its ingest date: on time.
    Column daysLate =
        when(
            considered,
            greatest(lit(0), datediff(lit(window.ingestDate()), UtcTime.date(eventTime))));
    List<Column> columns = new ArrayList<>();
    columns.add(count_if(eventTime.isNull()).as("without_event_time"));
    columns.add(count_if(eventTime.geq(lit(window.futureBoundary()))).as("future"));
    Column[] quantiles = new Column[QUANTILES.length];
    for (int i = 0; i < quantiles.length; i++) {
      quantiles[i] = lit(QUANTILES[i]);
    }
    columns.add(percentile_approx(latency, array(quantiles), lit(ACCURACY)).as("percentiles"));
    columns.add(max(latency).as("max"));
    for (int days = 0; days <= ArrivalLatency.DAYS_LATE_CAP; days++) {
      columns.add(count_if(daysLate.equalTo(days)).as("days_late_" + days));
    }
    columns.add(count_if(daysLate.gt(ArrivalLatency.DAYS_LATE_CAP)).as("days_late_more"));
    return bronze.agg(count_if(considered).as("records"), columns.toArray(Column[]::new));
  }

  private static ArrivalLatency fromRow(LocalDate ingestDate, Row row) {
    long records = row.getLong(0);
    Map<String, Long> daysLate = ArrivalLatency.emptyDaysLate();
    int first = 5;
    for (int days = 0; days <= ArrivalLatency.DAYS_LATE_CAP; days++) {
      daysLate.put(String.valueOf(days), row.getLong(first + days));
    }
    daysLate.put(ArrivalLatency.MORE, row.getLong(first + ArrivalLatency.DAYS_LATE_CAP + 1));
    ArrivalLatency.LatencyPercentiles seconds = null;
    if (records > 0) {
      List<Long> percentiles = row.getList(3);
      seconds =
          new ArrivalLatency.LatencyPercentiles(
              percentiles.get(0),
              percentiles.get(1),
              percentiles.get(2),
              percentiles.get(3),
              row.getLong(4));
    }
    return new ArrivalLatency(
        ingestDate.toString(), records, row.getLong(1), row.getLong(2), seconds, daysLate);
  }
}
