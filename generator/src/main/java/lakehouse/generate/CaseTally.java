package lakehouse.generate;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts the records of one file by case while they are written. */
final class CaseTally {
  private final String hotUserId;
  private final String hotAdId;
  private long records;
  private long regular;
  private long late;
  private long duplicateInFile;
  private long duplicateSameDay;
  private long duplicateEarlierDay;
  private final Map<InvalidKind, Long> invalid = new EnumMap<>(InvalidKind.class);
  private long future;
  private long tooLate;
  private long hotUser;
  private long hotAd;

  CaseTally(String hotUserId, String hotAdId) {
    this.hotUserId = hotUserId;
    this.hotAdId = hotAdId;
  }

  void regular(AdEvent event) {
    regular++;
    written(event);
  }

  void late(AdEvent event) {
    late++;
    written(event);
  }

  void future(AdEvent event) {
    future++;
    written(event);
  }

  void tooLate(AdEvent event) {
    tooLate++;
    written(event);
  }

  void invalid(AdEvent event, InvalidKind kind) {
    invalid.merge(kind, 1L, Long::sum);
    written(event);
  }

  void duplicate(AdEvent event, DuplicateScope scope) {
    switch (scope) {
      case IN_FILE -> duplicateInFile++;
      case SAME_DAY -> duplicateSameDay++;
      case EARLIER_DAY -> duplicateEarlierDay++;
    }
    written(event);
  }

  private void written(AdEvent event) {
    records++;
    if (hotUserId.equals(event.userId())) {
      hotUser++;
    }
    if (hotAdId.equals(event.adId())) {
      hotAd++;
    }
  }

  CaseCounts counts() {
    SortedMap<String, Long> invalidByReason = new TreeMap<>();
    invalid.forEach((kind, count) -> invalidByReason.merge(kind.reason(), count, Long::sum));
    return new CaseCounts(
        records,
        regular,
        late,
        duplicateInFile,
        duplicateSameDay,
        duplicateEarlierDay,
        invalidByReason,
        future,
        tooLate,
        hotUser,
        hotAd);
  }
}
