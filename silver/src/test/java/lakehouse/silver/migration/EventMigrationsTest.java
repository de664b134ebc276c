package lakehouse.silver.migration;

import static lakehouse.silver.TestEvent.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

class EventMigrationsTest {
  private final SparkSession spark = TestSpark.session();

  private static Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> byId = new HashMap<>();
    rows.select(BronzeEvents.EVENT_ID, BronzeEvents.COST_MICROS, BronzeEvents.DEVICE_TOKEN, BronzeEvents.APP_VERSION,
        BronzeEvents.SCHEMA_VERSION).collectAsList().forEach(row -> byId.put(row.getString(0), row));
    return byId;
  }

  @Test
  void v1RowsGetCostMicrosAndNoV2OnlyFieldsWhileV2RowsAreUnchanged() {
    TestEvent v1 = event(1).v1Cost(1.2345675);
    TestEvent v1Half = event(2).v1Cost(0.0000005);
    TestEvent v1NoCost = event(3).v1Cost(null);
    TestEvent v2 = event(4).costMicros(42L);

    Map<String, Row> migrated = byId(EventMigrations.chain()
        .toLatest(TestEvent.bronze(spark, v1, v1Half, v1NoCost, v2), Set.of(1, 2)));

    assertArrayEquals(new Object[] {v1.eventId(), 1_234_568L, null, null, 1}, values(migrated.get(v1.eventId())));
    assertArrayEquals(new Object[] {v1Half.eventId(), 1L, null, null, 1}, values(migrated.get(v1Half.eventId())));
    assertArrayEquals(new Object[] {v1NoCost.eventId(), null, null, null, 1}, values(migrated.get(v1NoCost.eventId())));
    assertArrayEquals(new Object[] {v2.eventId(), 42L, "device-token", "5.1.0", 2}, values(migrated.get(v2.eventId())));
  }

  @Test
  void migratedRowsKeepTheBronzeShape() {
    Dataset<Row> migrated = EventMigrations.chain().toLatest(TestEvent.bronze(spark, event(1).v1Cost(0.5)), Set.of(1));

    assertEquals(List.of(BronzeEvents.SCHEMA.fieldNames()), List.of(migrated.schema().fieldNames()));
  }

  @Test
  void aSchemaVersionWithoutMigrationFailsTheRunNamingTheVersion() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> EventMigrations.chain().toLatest(TestEvent.bronze(spark, event(1)), Set.of(2, 3)));
    assertTrue(failure.getMessage().contains("schema version 3"), failure.getMessage());
  }

  @Test
  void migrationsMustFollowEachOther() {
    EventMigration v3ToV4 = new EventMigration() {
      @Override
      public int fromVersion() {
        return 3;
      }

      @Override
      public Dataset<Row> apply(Dataset<Row> rows) {
        return rows;
      }
    };
    assertThrows(IllegalArgumentException.class, () -> new EventMigrations(List.of(new V1ToV2Migration(), v3ToV4)));
  }

  private static Object[] values(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < row.size(); i++) {
      values[i] = row.get(i);
    }
    return values;
  }
}
