package lakehouse.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import lakehouse.generate.LandedEvents.LandedEvent;

/**
 * Sorts landed records into cases by the contract's silver rules alone (validation first, then
 * dedup among valid records in (ingest date, file, position) order), independently of how the
 * generator labelled them, so a test can check the generator's summary against the data.
 */
final class ContractClassification {
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final long HOUR = 3_600_000L;

  long regular;
  long late;
  long earlyWithinSkew;
  long duplicateInFile;
  long duplicateSameDay;
  long duplicateEarlierDay;
  long future;
  long tooLate;
  long recordsWithSeveralReasons;
  final SortedMap<String, Long> invalidByReason = new TreeMap<>();

  /**
   * The case of each record, in the order of the records: a reason, "duplicate", "late",
   * "regular"...
   */
  final List<String> caseOfRecord = new java.util.ArrayList<>();

  static ContractClassification of(List<LandedEvent> events) {
    ContractClassification classification = new ContractClassification();
    Map<String, LandedEvent> accepted = new HashMap<>();
    for (LandedEvent event : events) {
      List<String> reasons = reasons(event);
      if (reasons.size() > 1) {
        classification.recordsWithSeveralReasons++;
      }
      if (!reasons.isEmpty()) {
        String reason = reasons.get(0);
        classification.caseOfRecord.add(reason);
        switch (reason) {
          case "future_event_time" -> classification.future++;
          case "too_late" -> classification.tooLate++;
          default -> classification.invalidByReason.merge(reason, 1L, Long::sum);
        }
        continue;
      }
      LandedEvent original = accepted.get(event.eventId());
      if (original != null) {
        classification.caseOfRecord.add("duplicate");
        if (original.file().equals(event.file())) {
          classification.duplicateInFile++;
        } else if (original.file().ingestDate().equals(event.file().ingestDate())) {
          classification.duplicateSameDay++;
        } else {
          classification.duplicateEarlierDay++;
        }
        continue;
      }
      accepted.put(event.eventId(), event);
      LocalDate eventDate = eventDate(event);
      LocalDate ingestDate = event.file().ingestDate();
      if (eventDate.isBefore(ingestDate)) {
        classification.late++;
        classification.caseOfRecord.add("late");
      } else if (eventDate.isAfter(ingestDate)) {
        classification.earlyWithinSkew++;
        classification.caseOfRecord.add("early_within_skew");
      } else {
        classification.regular++;
        classification.caseOfRecord.add("regular");
      }
    }
    return classification;
  }

  static LocalDate eventDate(LandedEvent event) {
    return Instant.ofEpochMilli(event.eventTime()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static List<String> reasons(LandedEvent event) {
    List<String> reasons = new java.util.ArrayList<>();
    if (!UUID.matcher(event.eventId()).matches()) {
      reasons.add("invalid_event_id");
    }
    if (event.userId().isBlank()) {
      reasons.add("missing_user_id");
    }
    if (event.adId().isBlank()) {
      reasons.add("missing_ad_id");
    }
    if (event.campaignId().isBlank()) {
      reasons.add("missing_campaign_id");
    }
    if (event.costMicros() != null && event.costMicros() < 0) {
      reasons.add("negative_cost");
    }
    if (event.country() != null && !COUNTRY.matcher(event.country()).matches()) {
      reasons.add("invalid_country");
    }
    LocalDate ingestDate = event.file().ingestDate();
    long endOfIngestDate =
        ingestDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    if (event.eventTime() >= endOfIngestDate + HOUR) {
      reasons.add("future_event_time");
    }
    if (eventDate(event).isBefore(ingestDate.minusDays(2))) {
      reasons.add("too_late");
    }
    return reasons;
  }
}
