package lakehouse.silver.migration;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import lakehouse.shared.tables.BronzeEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Schema v1 to v2: the price in currency units becomes {@code cost_micros} (rounded half away from
 * zero, see {@link CurrencyMicros}); the fields v2 added and v1 never had ({@code device_id}'s
 * token and {@code app_version}) are null. The v1 {@code cost} field stays as bronze has it.
 */
public final class V1ToV2Migration implements EventMigration {

  @Override
  public int fromVersion() {
    return 1;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> rows) {
    return rows.withColumn(
            BronzeEvents.COST_MICROS, CurrencyMicros.fromUnits(col(BronzeEvents.COST)))
        .withColumn(BronzeEvents.DEVICE_TOKEN, lit(null).cast(DataTypes.StringType))
        .withColumn(BronzeEvents.APP_VERSION, lit(null).cast(DataTypes.StringType));
  }
}
