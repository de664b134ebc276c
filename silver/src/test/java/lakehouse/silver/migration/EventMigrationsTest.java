package lakehouse.silver.migration;

import static lakehouse.silver.TestEvent.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.testing.TestSpark;
import lakehouse.silver.TestEvent;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventMigrationsTest {
  private final SparkSession spark = TestSpark.session();

  private static Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> byId = new HashMap<>();
    rows.select(
            BronzeEvents.EVENT_ID,
            BronzeEvents.COST_MICROS,
            BronzeEvents.DEVICE_TOKEN,
            BronzeEvents.APP_VERSION,
            BronzeEvents.SCHEMA_VERSION)
        .collectAsList()
        .forEach(row -> byId.put(row.getString(0), row));
    return byId;
  }

  @Test
  @DisplayName(
      "v1 rows get cost micros and none of the v2-only fields, while v2 rows are unchanged")
  void v1RowsGetCostMicrosAndV2RowsAreUnchanged() {
    TestEvent v1 = event(1).v1Cost(1.2345675);
    TestEvent v1Half = event(2).v1Cost(0.0000005);
    TestEvent v1NoCost = event(3).v1Cost(null);
    TestEvent v2 = event(4).costMicros(42L);

    Map<String, Row> migrated =
        byId(
            EventMigrations.chain()
                .toLatest(TestEvent.bronze(spark, v1, v1Half, v1NoCost, v2), Set.of(1, 2)));

    assertThat(values(migrated.get(v1.eventId())))
        .containsExactly(v1.eventId(), 1_234_568L, null, null, 1);
    assertThat(values(migrated.get(v1Half.eventId())))
        .containsExactly(v1Half.eventId(), 1L, null, null, 1);
    assertThat(values(migrated.get(v1NoCost.eventId())))
        .containsExactly(v1NoCost.eventId(), null, null, null, 1);
    assertThat(values(migrated.get(v2.eventId())))
        .containsExactly(v2.eventId(), 42L, "device-token", "5.1.0", 2);
  }

  @Test
  void migratedRowsKeepTheBronzeShape() {
    Dataset<Row> migrated =
        EventMigrations.chain().toLatest(TestEvent.bronze(spark, event(1).v1Cost(0.5)), Set.of(1));

    assertThat(migrated.schema().fieldNames()).containsExactly(BronzeEvents.SCHEMA.fieldNames());
  }

  @Test
  @DisplayName("a schema version without migration fails the run, naming the version")
  void versionWithoutMigrationFailsNamingIt() {
    assertThatThrownBy(
            () -> EventMigrations.chain().toLatest(TestEvent.bronze(spark, event(1)), Set.of(2, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 3");
  }

  @Test
  void migrationsMustFollowEachOther() {
    EventMigration v3ToV4 =
        new EventMigration() {
          @Override
          public int fromVersion() {
            return 3;
          }

          @Override
          public Dataset<Row> apply(Dataset<Row> rows) {
            return rows;
          }
        };
    assertThatThrownBy(() -> new EventMigrations(List.of(new V1ToV2Migration(), v3ToV4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Object[] values(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < row.size(); i++) {
      values[i] = row.get(i);
    }
    return values;
  }
}
