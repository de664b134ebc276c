package lakehouse.shared.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DataFramesTest {
  private static final StructType SCHEMA =
      new StructType().add("user_id", DataTypes.StringType).add("clicks", DataTypes.LongType);

  private Dataset<Row> rows(Row... rows) {
    SparkSession spark = TestSpark.session();
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  @Test
  void equalRowsInAnyOrderPass() {
    DataFrames.assertSameRows(
        rows(RowFactory.create("a", 1L), RowFactory.create("b", 2L)),
        rows(RowFactory.create("b", 2L), RowFactory.create("a", 1L)));
  }

  @Test
  void aDifferingRowFailsAndIsNamedInTheMessage() {
    assertThatThrownBy(
            () ->
                DataFrames.assertSameRows(
                    rows(RowFactory.create("a", 1L)), rows(RowFactory.create("a", 7L))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("7");
  }
}
