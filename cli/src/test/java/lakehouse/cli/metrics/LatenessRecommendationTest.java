package lakehouse.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lakehouse.silver.ArrivalLatency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatenessRecommendationTest {
  private static final LocalDate NIGHT = LocalDate.parse("2026-11-20");

  /** A night with the given counts by days late ("0", "1", ..., "more"), the rest 0. */
  private static NightArrival night(int daysBefore, long tooLate, Object... bucketThenCount) {
    Map<String, Long> days = ArrivalLatency.emptyDaysLate();
    for (int i = 0; i < bucketThenCount.length; i += 2) {
      days.put((String) bucketThenCount[i], ((Number) bucketThenCount[i + 1]).longValue());
    }
    return new NightArrival(NIGHT.minusDays(daysBefore), days, tooLate);
  }

  @Test
  @DisplayName("no night measured: nothing to recommend")
  void noNightsRecommendNothing() {
    LatenessRecommendation none = LatenessRecommendation.of(List.of(), 0.999, 2);

    assertThat(none.recommendedDays()).isNull();
    assertThat(none.exceedsConfigured()).isFalse();
    assertThat(none.nights()).isZero();
    assertThat(none.events()).isZero();
    assertThat(none.keptByConfigured()).isNull();
    assertThat(none.configuredDays()).isEqualTo(2);
  }

  @Test
  @DisplayName("every event on time: 0 days")
  void allOnTimeRecommendsZeroDays() {
    LatenessRecommendation onTime =
        LatenessRecommendation.of(List.of(night(0, 0, "0", 5_000), night(1, 0, "0", 7)), 0.999, 2);

    assertThat(onTime.recommendedDays()).isZero();
    assertThat(onTime.nights()).isEqualTo(2);
    assertThat(onTime.firstNight()).isEqualTo("2026-11-19");
    assertThat(onTime.lastNight()).isEqualTo("2026-11-20");
    assertThat(onTime.events()).isEqualTo(5_007);
    assertThat(onTime.keptByConfigured()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("a share kept exactly at the threshold is enough; one event fewer is not")
  void exactlyTheShareIsKept() {
    // 999 of 1,000 events are at most 1 day late: exactly 99.9%.
    assertThat(
            LatenessRecommendation.of(List.of(night(0, 0, "0", 900, "1", 99, "5", 1)), 0.999, 2)
                .recommendedDays())
        .isEqualTo(1);
    // 998 of 1,000: the 4-day-late event must be kept too, not the 5-day one.
    assertThat(
            LatenessRecommendation.of(
                    List.of(night(0, 0, "0", 900, "1", 98, "4", 1, "5", 1)), 0.999, 2)
                .recommendedDays())
        .isEqualTo(4);
  }

  @Test
  @DisplayName("the nights add up: a tail too thin on one night counts with the others")
  void nightsAddUp() {
    LatenessRecommendation recommendation =
        LatenessRecommendation.of(
            List.of(
                night(0, 30, "0", 9_000, "1", 900, "2", 70, "3", 30),
                night(1, 0, "0", 10_000, "1", 500)),
            0.999,
            2);

    // 20,500 events, 30 of them 3 days late: 0.15% > 0.1%, so 3 days; 2 days kept 99.85%.
    assertThat(recommendation.recommendedDays()).isEqualTo(3);
    assertThat(recommendation.exceedsConfigured()).isTrue();
    assertThat(recommendation.rejectedTooLate()).isEqualTo(30);
    assertThat(recommendation.keptByConfigured()).isEqualTo(20_470 / 20_500.0);
    assertThat(recommendation.beyondCountedDays()).isFalse();
  }

  @Test
  @DisplayName("a tail past the days counted one by one recommends more than 30 days")
  void beyondTheCountedDays() {
    LatenessRecommendation recommendation =
        LatenessRecommendation.of(List.of(night(0, 0, "0", 900, "more", 100)), 0.999, 2);

    assertThat(recommendation.recommendedDays()).isEqualTo(ArrivalLatency.DAYS_LATE_CAP + 1);
    assertThat(recommendation.beyondCountedDays()).isTrue();
  }

  @Test
  @DisplayName("a share of 1 keeps the latest event")
  void keepingEverything() {
    assertThat(
            LatenessRecommendation.of(List.of(night(0, 0, "0", 1_000_000, "7", 1)), 1.0, 2)
                .recommendedDays())
        .isEqualTo(7);
  }
}
