package lakehouse.shared.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.runtime.BoxedUnit;

/**
 * spark-testing-base's DataFrame comparisons for JUnit 5 tests: on a mismatch they fail and print
 * the differing rows.
 */
public final class DataFrames {
  private DataFrames() {}

  /** Same schema and same rows, in any order. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    new JavaDataFrameSuiteBase().assertDataFrameNoOrderEquals(expected, actual);
  }

  /**
   * Same schema and same rows, doubles equal within the tolerance, in the same order. Timestamps
   * may differ by the tolerance read as milliseconds, and a mismatch shows both frames: what the
   * library's deprecated overload without a timestamp tolerance does.
   */
  public static void assertApproximatelyEqual(
      Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    new JavaDataFrameSuiteBase()
        .assertDataFrameApproximateEquals(
            expected,
            actual,
            tolerance,
            Duration.ofMillis((long) tolerance),
            frame -> {
              frame.show();
              return BoxedUnit.UNIT;
            });
  }
}
