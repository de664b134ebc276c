package lakehouse.silver.replay;

import static lakehouse.silver.TestEvent.DAY;
import static lakehouse.silver.TestEvent.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.config.SilverSettings;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.tables.Quarantine;
import lakehouse.shared.testing.TestSpark;
import lakehouse.silver.EventTimeWindow;
import lakehouse.silver.TestEvent;
import lakehouse.silver.validation.RecordValidation;
import lakehouse.silver.validation.ValidationRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Quarantined records validated again under other settings, as the quarantine holds them. */
class RevalidationTest {
  private static final EventTimeWindow TWO_DAYS =
      EventTimeWindow.of(DAY, new SilverSettings(2, Duration.ofHours(1)));
  private static final EventTimeWindow SEVEN_DAYS =
      EventTimeWindow.of(DAY, new SilverSettings(7, Duration.ofHours(1)));
  private final SparkSession spark = TestSpark.session();

  @Test
  void aTooLateRecordPassesOnceTheLatenessIsRaisedAndKeepsItsPreviousReasons() {
    TestEvent tooLate = event(1).at(DAY.minusDays(5) + "T10:00:00Z");
    TestEvent tooLateAndInvalid = event(2).at(DAY.minusDays(5) + "T10:00:00Z").country("usa");
    Dataset<Row> quarantined =
        RecordValidation.validate(
                TestEvent.bronze(spark, tooLate, tooLateAndInvalid), ValidationRules.ALL, TWO_DAYS)
            .where(RecordValidation.isQuarantined());

    Map<String, Row> revalidated = new HashMap<>();
    for (Row row :
        Revalidation.revalidate(quarantined, ValidationRules.ALL, SEVEN_DAYS).collectAsList()) {
      revalidated.put(row.getAs(BronzeEvents.EVENT_ID), row);
    }

    Row released = revalidated.get(tooLate.eventId());
    assertThat(released.<Object>getList(released.fieldIndex(Quarantine.REASONS))).isEmpty();
    assertThat(released.getList(released.fieldIndex(Revalidation.PREVIOUS_REASONS)))
        .isEqualTo(List.of("too_late"));
    assertThat(released.<java.sql.Date>getAs(Quarantine.EVENT_DATE).toLocalDate())
        .isEqualTo(DAY.minusDays(5));
    Row stays = revalidated.get(tooLateAndInvalid.eventId());
    assertThat(stays.getList(stays.fieldIndex(Quarantine.REASONS)))
        .isEqualTo(List.of("invalid_country"));
  }
}
