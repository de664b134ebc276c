package lakehouse.generate;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many records of each case the generator wrote into registered, readable files (broken files
 * are not counted here). Every record is in exactly one case, so {@code records} is the sum of
 * {@code regular}, {@code late}, {@link #duplicates()}, {@link #invalid()}, {@code future} and
 * {@code tooLate}; the hot counts cut across the cases.
 *
 * @param late valid events of the two days before their ingest date (including events of 23:59:59
 *     of the previous day in a day's first file)
 * @param duplicateInFile re-emissions of an event earlier in the same file
 * @param duplicateSameDay re-emissions of an event of an earlier file of the same ingest date
 * @param duplicateEarlierDay re-emissions of an event of the previous ingest date
 * @param invalidByReason invalid records by the quarantine reason they break (one reason each)
 * @param future events at or after the end of their ingest date plus one hour
 * @param tooLate events dated three or more days before their ingest date
 * @param hotUser records of the hot user, in any case
 * @param hotAd records of the hot ad, in any case
 */
public record CaseCounts(
    long records,
    long regular,
    long late,
    long duplicateInFile,
    long duplicateSameDay,
    long duplicateEarlierDay,
    SortedMap<String, Long> invalidByReason,
    long future,
    long tooLate,
    long hotUser,
    long hotAd) {

  public CaseCounts {
    invalidByReason = Collections.unmodifiableSortedMap(new TreeMap<>(invalidByReason));
  }

  public static CaseCounts none() {
    return new CaseCounts(0, 0, 0, 0, 0, 0, new TreeMap<>(), 0, 0, 0, 0);
  }

  public long duplicates() {
    return duplicateInFile + duplicateSameDay + duplicateEarlierDay;
  }

  public long invalid() {
    return invalidByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records silver should quarantine: each breaks exactly one rule. */
  public long quarantined() {
    return invalid() + future + tooLate;
  }

  /** Records silver should accept when every day is run in order: valid, unique events. */
  public long acceptedUnique() {
    return records - quarantined() - duplicates();
  }

  public CaseCounts plus(CaseCounts other) {
    SortedMap<String, Long> invalid = new TreeMap<>(invalidByReason);
    other.invalidByReason.forEach((reason, count) -> invalid.merge(reason, count, Long::sum));
    return new CaseCounts(
        records + other.records,
        regular + other.regular,
        late + other.late,
        duplicateInFile + other.duplicateInFile,
        duplicateSameDay + other.duplicateSameDay,
        duplicateEarlierDay + other.duplicateEarlierDay,
        invalid,
        future + other.future,
        tooLate + other.tooLate,
        hotUser + other.hotUser,
        hotAd + other.hotAd);
  }

  /** One line for a person: {@code late 512, duplicate 198 (...), invalid 97 (...), ...}. */
  public String describe() {
    StringBuilder invalid = new StringBuilder();
    for (Map.Entry<String, Long> entry : invalidByReason.entrySet()) {
      invalid
          .append(invalid.length() == 0 ? "" : ", ")
          .append(entry.getKey())
          .append(' ')
          .append(entry.getValue());
    }
    return "records "
        + records
        + ", regular "
        + regular
        + ", late "
        + late
        + ", duplicate "
        + duplicates()
        + " (in file "
        + duplicateInFile
        + ", same day "
        + duplicateSameDay
        + ", earlier day "
        + duplicateEarlierDay
        + ")"
        + ", invalid "
        + invalid()
        + (invalid.length() == 0 ? "" : " (" + invalid + ")")
        + ", future "
        + future
        + ", too_late "
        + tooLate
        + ", hot user "
        + hotUser
        + ", hot ad "
        + hotAd;
  }
}
