package lakehouse.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowDifferencesTest {
  private static final List<String> KEY = List.of("user_id");

  @Test
  void aRowWhoseKeyIsOnBothSidesIsShownAsTheColumnsThatChanged() {
    String text =
        RowDifferences.describe(
            KEY,
            List.of("{\"user_id\":\"u-1\",\"clicks\":0,\"ctr\":0.0}"),
            List.of("{\"user_id\":\"u-1\",\"clicks\":1,\"ctr\":1.0}"));

    assertThat(text)
        .isEqualTo(
            """
          changed rows (expected -> lake) (1):
            ~ user_id=u-1: clicks 0 -> 1, ctr 0.0 -> 1.0
        """);
  }

  @Test
  void rowsWhoseKeyIsOnOneSideOnlyAreShownWhole() {
    String text =
        RowDifferences.describe(
            KEY,
            List.of("{\"user_id\":\"u-1\",\"clicks\":0}"),
            List.of("{\"user_id\":\"u-2\",\"clicks\":0}"));

    assertThat(text)
        .isEqualTo(
            """
          rows only in expected (1):
            - {"user_id":"u-1","clicks":0}
          rows only in the lake (1):
            + {"user_id":"u-2","clicks":0}
        """);
  }

  @Test
  void aNestedSummaryIsComparedFieldByField() {
    String text =
        RowDifferences.describe(
            List.of("run_id"),
            List.of(
                "{\"run_id\":\"r-1\",\"summary\":{\"silver\":{\"rows_read\":7,\"duplicates_dropped\":0}}}"),
            List.of(
                "{\"run_id\":\"r-1\",\"summary\":{\"silver\":{\"rows_read\":7,\"duplicates_dropped\":2}}}"));

    assertThat(text)
        .isEqualTo(
            """
          changed rows (expected -> lake) (1):
            ~ run_id=r-1: summary.silver.duplicates_dropped 0 -> 2
        """);
  }
}
