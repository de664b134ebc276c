package lakehouse.generate;

import java.util.SplittableRandom;

/**
 * Makes one event of each case from a random stream: regular events inside a time window, late,
 * too-late and future events relative to an ingest date, and invalid records that break exactly one
 * validation rule. Times are UTC epoch milliseconds.
 */
final class EventSynthesizer {
  static final long SECOND = 1000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  /** The contract's default clock-skew tolerance past the end of the ingest date. */
  static final long SKEW_TOLERANCE = HOUR;

  private static final String[] THREE_LETTER_COUNTRIES = {
    "USA", "DEU", "FRA", "GBR", "IND", "BRA", "JPN"
  };

  private final Population population;
  private final double hotUserShare;
  private final double hotAdShare;
  private final int lateDaysMax;

  EventSynthesizer(Population population, GeneratorRates rates) {
    this.population = population;
    this.hotUserShare = rates.hotUserShare();
    this.hotAdShare = rates.hotAdShare();
    this.lateDaysMax = rates.lateDaysMax();
  }

  /** An event that happened in [from, until). */
  AdEvent regular(SplittableRandom random, long from, long until) {
    return at(random, from + random.nextLong(until - from));
  }

  /**
   * An event of one day (mostly) to {@code lateDaysMax} days before the ingest date: one or two by
   * default, inside the default watermark.
   */
  AdEvent late(SplittableRandom random, long dayStart) {
    long daysBack = random.nextInt(4) == 0 ? 2 : 1;
    // A wider spread draws one more number; the default draws none, so its output stays the same.
    if (lateDaysMax == 1) {
      daysBack = 1;
    } else if (daysBack == 2 && lateDaysMax > 2) {
      daysBack = 2L + random.nextInt(lateDaysMax - 1);
    }
    return at(random, dayStart - daysBack * DAY + random.nextLong(DAY));
  }

  /** An event of the last second of the day before, caught by the next hour's dump. */
  AdEvent lastSecondOfDayBefore(SplittableRandom random, long dayStart) {
    return at(random, dayStart - SECOND + random.nextInt((int) SECOND));
  }

  /** An event dated after the end of the ingest date plus the clock-skew tolerance. */
  AdEvent future(SplittableRandom random, long dayStart) {
    long limit = dayStart + DAY + SKEW_TOLERANCE;
    return at(random, limit + MINUTE + random.nextLong(36 * HOUR));
  }

  /** An event three to seven days before its ingest date: the watermark has passed it. */
  AdEvent tooLate(SplittableRandom random, long dayStart) {
    long daysBack = 3L + random.nextInt(5);
    return at(random, dayStart - daysBack * DAY + random.nextLong(DAY));
  }

  /** A record in [from, until) breaking exactly the rule of its kind. */
  AdEvent invalid(SplittableRandom random, long from, long until, InvalidKind kind) {
    AdEvent event = regular(random, from, until);
    return switch (kind) {
      case BAD_EVENT_ID -> event.withEventId(badEventId(random, event.eventId()));
      case BLANK_USER_ID -> event.withKeys(blank(random), event.adId(), event.campaignId());
      case BLANK_AD_ID -> event.withKeys(event.userId(), blank(random), event.campaignId());
      case BLANK_CAMPAIGN_ID -> event.withKeys(event.userId(), event.adId(), blank(random));
      case NEGATIVE_COST -> event.withCostMicros(-(1L + random.nextInt(5_000)));
      case LOWERCASE_COUNTRY ->
          event.withCountry(
              event.country() == null ? "us" : event.country().toLowerCase(java.util.Locale.ROOT));
      case THREE_LETTER_COUNTRY ->
          event.withCountry(THREE_LETTER_COUNTRIES[random.nextInt(THREE_LETTER_COUNTRIES.length)]);
    };
  }

  private AdEvent at(SplittableRandom random, long eventTime) {
    String eventId = Population.uuid(random.nextLong(), random.nextLong());
    EventType type = eventType(random);
    int user = population.drawUser(random, hotUserShare);
    int ad = population.drawAd(random, hotAdShare);
    Population.UserProfile profile = population.profile(user);
    // Most events come from the user's usual address; some from a mobile network or elsewhere.
    String ip = random.nextInt(100) < 85 ? profile.homeIp() : Population.ipv4(random.nextLong());
    return new AdEvent(
        eventId,
        type,
        eventTime,
        profile.userId(),
        population.adId(ad),
        population.campaignOf(ad),
        profile.country(),
        profile.device(),
        ip,
        profile.deviceId(),
        profile.appVersion(),
        costMicros(random, type));
  }

  /** About 3% clicks and 0.5% conversions, the rest impressions. */
  private static EventType eventType(SplittableRandom random) {
    int perMille = random.nextInt(1000);
    if (perMille < 5) {
      return EventType.CONVERSION;
    }
    return perMille < 35 ? EventType.CLICK : EventType.IMPRESSION;
  }

  /**
   * Impressions cost a fraction of a cent (a few without a price), clicks cents to a couple of
   * currency units, conversions are not billed.
   */
  private static Long costMicros(SplittableRandom random, EventType type) {
    return switch (type) {
      case IMPRESSION -> random.nextInt(50) == 0 ? null : 200L + random.nextInt(4_800);
      case CLICK -> 50_000L + random.nextInt(1_950_000);
      case CONVERSION -> null;
    };
  }

  private static String badEventId(SplittableRandom random, String uuid) {
    return switch (random.nextInt(4)) {
      case 0 -> "evt-" + (1 + random.nextInt(999_999_999));
      case 1 -> uuid.replace("-", "");
      case 2 -> uuid.substring(0, uuid.length() - 1) + "g";
      default -> uuid.substring(0, uuid.length() - 3);
    };
  }

  private static String blank(SplittableRandom random) {
    return random.nextBoolean() ? "" : "  ";
  }
}
