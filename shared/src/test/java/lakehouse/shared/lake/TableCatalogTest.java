package lakehouse.shared.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TableCatalogTest {
  private static final LakeLayout LAKE = new LakeLayout("s3a://bucket/lake");
  private static final GoldSettings GOLD = new GoldSettings("v2", "v3", 1000);
  private final TableCatalog catalog = new TableCatalog(LAKE);

  @Test
  void listsEveryTableOfTheLakeOnce() {
    List<String> locations = catalog.tables(GOLD).stream().map(CatalogTable::location).toList();
    assertThat(locations)
        .containsExactly(
            "bronze/ad_events",
            "silver/quarantine",
            "silver/ad_events",
            "silver/user_daily_activity/v1",
            "silver/ad_hourly_activity/v1",
            "silver/_processed_files",
            "gold/user_features/v2",
            "gold/campaign_daily/v3",
            "gold/_lineage");
    assertThat(Set.copyOf(locations)).hasSize(locations.size());
    assertThat(catalog.tables(GOLD).stream().map(CatalogTable::path).distinct().count())
        .isEqualTo(locations.size());
  }

  @Test
  void everyTableLivesUnderTheLayoutAtItsLocation() {
    for (CatalogTable table : catalog.tables(GOLD)) {
      assertThat(table.path()).as(table.location()).isEqualTo(LAKE.resolve(table.location()));
      assertThat(table.location())
          .startsWith(table.layer() == TableLayer.LEDGER ? "" : table.layer().label() + "/");
    }
  }

  @Test
  void everyPartitionAndKeyColumnIsInTheTablesSchema() {
    for (CatalogTable table : catalog.tables(GOLD)) {
      List<String> columns = List.of(table.schema().fieldNames());
      table
          .partitionColumn()
          .ifPresent(
              column -> assertThat(columns).as(table.location() + " " + column).contains(column));
      table
          .keyColumn()
          .ifPresent(
              column -> assertThat(columns).as(table.location() + " " + column).contains(column));
    }
  }

  @Test
  void versionedTablesAreResolvedWithTheConfiguredVersion() {
    assertThat(
            catalog.tables(GOLD).stream()
                .filter(table -> table.name().equals("user_features"))
                .findFirst()
                .orElseThrow()
                .version())
        .isEqualTo(Optional.of("v2"));
    assertThat(catalog.goldTable("campaign_daily", "v7").path())
        .isEqualTo(LAKE.goldTable("campaign_daily", "v7"));
    assertThat(catalog.tables(GOLD))
        .filteredOn(table -> table.layer() == TableLayer.GOLD)
        .allMatch(table -> table.version().isPresent() && table.keyColumn().isPresent());
  }

  @Test
  void statusShowsTheDataTablesAndNotTheLedgers() {
    Set<String> shown =
        catalog.dataTables(GOLD).stream().map(CatalogTable::location).collect(Collectors.toSet());
    assertThat(shown).doesNotContain("gold/_lineage");
    assertThat(shown).doesNotContain("silver/_processed_files");
    assertThat(shown).hasSize(7);
  }

  @Test
  @DisplayName(
      "only bronze and quarantine have a retention, and the processed files are not vacuumed")
  void retentionsAndVacuumingOfEachTable() {
    RetentionSettings retention =
        new RetentionSettings(Duration.ofHours(24), Duration.ofDays(7), 30, 90);
    for (CatalogTable table : catalog.tables(GOLD)) {
      OptionalInt days = table.retention().days(retention);
      switch (table.location()) {
        case "bronze/ad_events" -> assertThat(days).hasValue(30);
        case "silver/quarantine" -> assertThat(days).hasValue(90);
        default -> assertThat(days).as(table.location()).isEmpty();
      }
      assertThat(table.vacuumed())
          .as(table.location())
          .isEqualTo(!table.location().equals("silver/_processed_files"));
    }
  }

  @Test
  void aStatisticsColumnMissingFromTheSchemaIsRefused() {
    assertThatThrownBy(() -> tableWithOneColumn(Optional.empty(), List.of("event_time")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statistics column event_time");
  }

  @Test
  void aPartitionColumnMissingFromTheSchemaIsRefused() {
    assertThatThrownBy(() -> tableWithOneColumn(Optional.of("day"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition column day");
  }

  /** A silver table whose schema holds the column id alone. */
  private static CatalogTable tableWithOneColumn(
      Optional<String> partitionColumn, List<String> statisticsColumns) {
    return new CatalogTable(
        "t",
        TableLayer.SILVER,
        Optional.empty(),
        "silver/t",
        LAKE.resolve("silver/t"),
        new StructType().add("id", DataTypes.StringType, false),
        partitionColumn,
        Optional.empty(),
        TableRetention.NONE,
        true,
        statisticsColumns);
  }
}
