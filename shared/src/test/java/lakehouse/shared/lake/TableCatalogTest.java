package lakehouse.shared.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.config.RetentionSettings;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableCatalogTest {
  private static final LakeLayout LAKE = new LakeLayout("s3a://bucket/lake");
  private static final GoldSettings GOLD = new GoldSettings("v2", "v3", 1000);
  private final TableCatalog catalog = new TableCatalog(LAKE);

  @Test
  void listsEveryTableOfTheLakeOnce() {
    List<String> locations = catalog.tables(GOLD).stream().map(CatalogTable::location).toList();
    assertEquals(List.of("bronze/ad_events", "silver/quarantine", "silver/ad_events", "silver/user_daily_activity/v1",
        "silver/ad_hourly_activity/v1", "silver/_processed_files", "gold/user_features/v2", "gold/campaign_daily/v3",
        "gold/_lineage"), locations);
    assertEquals(locations.size(), Set.copyOf(locations).size());
    assertEquals(locations.size(), catalog.tables(GOLD).stream().map(CatalogTable::path).distinct().count());
  }

  @Test
  void everyTableLivesUnderTheLayoutAtItsLocation() {
    for (CatalogTable table : catalog.tables(GOLD)) {
      assertEquals(LAKE.resolve(table.location()), table.path(), table.location());
      assertTrue(table.location().startsWith(table.layer() == TableLayer.LEDGER ? "" : table.layer().label() + "/"),
          table.location());
    }
  }

  @Test
  void everyPartitionAndKeyColumnIsInTheTablesSchema() {
    for (CatalogTable table : catalog.tables(GOLD)) {
      List<String> columns = List.of(table.schema().fieldNames());
      table.partitionColumn().ifPresent(column -> assertTrue(columns.contains(column), table.location() + " " + column));
      table.keyColumn().ifPresent(column -> assertTrue(columns.contains(column), table.location() + " " + column));
    }
  }

  @Test
  void versionedTablesAreResolvedWithTheConfiguredVersion() {
    assertEquals(Optional.of("v2"), catalog.tables(GOLD).stream()
        .filter(table -> table.name().equals("user_features")).findFirst().orElseThrow().version());
    assertEquals(LAKE.goldTable("campaign_daily", "v7"), catalog.goldTable("campaign_daily", "v7").path());
    assertTrue(catalog.tables(GOLD).stream().filter(table -> table.layer() == TableLayer.GOLD)
        .allMatch(table -> table.version().isPresent() && table.keyColumn().isPresent()));
  }

  @Test
  void statusShowsTheDataTablesAndNotTheLedgers() {
    Set<String> shown = catalog.dataTables(GOLD).stream().map(CatalogTable::location).collect(Collectors.toSet());
    assertFalse(shown.contains("gold/_lineage"));
    assertFalse(shown.contains("silver/_processed_files"));
    assertEquals(7, shown.size());
  }

  @Test
  void onlyBronzeAndQuarantineHaveARetentionAndTheProcessedFilesAreNotVacuumed() {
    RetentionSettings retention = new RetentionSettings(Duration.ofHours(24), Duration.ofDays(7), 30, 90);
    for (CatalogTable table : catalog.tables(GOLD)) {
      OptionalInt days = table.retention().days(retention);
      switch (table.location()) {
        case "bronze/ad_events" -> assertEquals(OptionalInt.of(30), days);
        case "silver/quarantine" -> assertEquals(OptionalInt.of(90), days);
        default -> assertEquals(OptionalInt.empty(), days, table.location());
      }
      assertEquals(!table.location().equals("silver/_processed_files"), table.vacuumed(), table.location());
    }
  }

  @Test
  void aPartitionColumnMissingFromTheSchemaIsRefused() {
    StructType schema = new StructType().add("id", DataTypes.StringType, false);
    assertThrows(IllegalArgumentException.class, () -> new CatalogTable("t", TableLayer.SILVER, Optional.empty(),
        "silver/t", LAKE.resolve("silver/t"), schema, Optional.of("day"), Optional.empty(), TableRetention.NONE, true));
  }
}
