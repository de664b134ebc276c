package lakehouse.gold.training;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Gives each entity row its position in the file, from 0, as {@link EntityColumns#ROW_NUMBER}.
 *
 * <p>Positions come from the order of the read's partitions and of rows within them, which for one
 * file is the file's order (Spark splits a file into ranges in offset order). {@code zipWithIndex}
 * counts each partition's rows in one job and numbers them without collecting anything.
 */
public final class NumberedEntities {
  private NumberedEntities() {}

  public static Dataset<Row> number(Dataset<Row> entities) {
    StructType schema = entities.schema().add(EntityColumns.ROW_NUMBER, DataTypes.LongType, false);
    return entities
        .sparkSession()
        .createDataFrame(
            entities
                .javaRDD()
                .zipWithIndex()
                .map(
                    pair -> {
                      Row row = pair._1();
                      List<Object> values = new ArrayList<>(row.size() + 1);
                      for (int i = 0; i < row.size(); i++) {
                        values.add(row.get(i));
                      }
                      values.add(pair._2());
                      return RowFactory.create(values.toArray());
                    }),
            schema);
  }
}
