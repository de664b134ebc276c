package lakehouse.online.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import lakehouse.online.client.FeatureHash;
import lakehouse.shared.tables.UserFeatures;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeatureHashTest {

  private static Row row(String userId, Double ctr, Instant lastEvent) {
    return new GenericRowWithSchema(
        new Object[] {
          Date.valueOf("2026-11-20"),
          userId,
          3L,
          1L,
          0L,
          40L,
          2L,
          1L,
          12_345_678_901L,
          ctr,
          5,
          Timestamp.from(lastEvent),
          "v1",
          "run-2026-11-20"
        },
        UserFeatures.SCHEMA);
  }

  @Test
  @DisplayName("a row becomes the user's hash, with every feature as text that parses back exactly")
  void aRowBecomesTheUsersHash() {
    double ctr = 2.0 / 3.0;
    FeatureHash hash =
        PublishedColumns.hashOf(row("u-7", ctr, Instant.parse("2026-11-20T23:59:59.999Z")));

    assertThat(hash.key()).isEqualTo("u:feat:u-7");
    assertThat(hash.fields())
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("as_of_date", "2026-11-20"),
                Map.entry("impressions_1d", "3"),
                Map.entry("clicks_1d", "1"),
                Map.entry("conversions_1d", "0"),
                Map.entry("impressions_7d", "40"),
                Map.entry("clicks_7d", "2"),
                Map.entry("conversions_7d", "1"),
                Map.entry("spend_micros_7d", "12345678901"),
                Map.entry("ctr_7d", Double.toString(ctr)),
                Map.entry("active_days_7d", "5"),
                Map.entry("last_event_time", "2026-11-20T23:59:59.999Z"),
                Map.entry("feature_version", "v1")));
    assertThat(Double.parseDouble(hash.fields().get("ctr_7d"))).isEqualTo(ctr);
    assertThat(hash.asOfDate()).isEqualTo("2026-11-20");
  }

  @Test
  void theUserIdAndRunIdAreNotFieldsAndANullFeatureIsLeftOut() {
    FeatureHash hash =
        PublishedColumns.hashOf(row("u-8", null, Instant.parse("2026-11-20T08:00:00Z")));

    assertThat(hash.fields()).doesNotContainKeys("ctr_7d", "user_id", "run_id");
    assertThat(hash.fields()).containsEntry("last_event_time", "2026-11-20T08:00:00Z");
    assertThat(ReplaceUnlessNewer.arguments(hash, 691_200_000L).subList(0, 4))
        .containsExactly("2026-11-20", "691200000", "as_of_date", "2026-11-20");
  }

  @Test
  void theFieldsTheClientReadsByNameAreColumnsOfUserFeatures() {
    assertThat(FeatureHash.AS_OF_DATE).isEqualTo(UserFeatures.AS_OF_DATE);
    assertThat(FeatureHash.FEATURE_VERSION).isEqualTo(UserFeatures.FEATURE_VERSION);
  }

  @Test
  void microsecondsOfATimestampAreKept() {
    FeatureHash hash =
        PublishedColumns.hashOf(row("u-9", 0.5, Instant.parse("2026-11-20T10:11:12.123456Z")));

    assertThat(hash.fields()).containsEntry("last_event_time", "2026-11-20T10:11:12.123456Z");
  }

  @Test
  void aRowWithoutItsAsOfDateIsRefused() {
    Row row =
        new GenericRowWithSchema(
            new Object[] {
              null,
              "u-1",
              0L,
              0L,
              0L,
              0L,
              0L,
              0L,
              0L,
              null,
              0,
              Timestamp.from(Instant.EPOCH),
              "v1",
              "r"
            },
            UserFeatures.SCHEMA);

    assertThatThrownBy(() -> PublishedColumns.hashOf(row))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
