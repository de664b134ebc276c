package lakehouse.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The records of every hourly dump, each a pure function of the seed and its address (ingest date,
 * file, position): its own random stream picks its case and draws its fields. A duplicate
 * regenerates its original from the original's address rather than remembering it, so no event is
 * held in memory and files can be written in any order, in parallel, with the same bytes.
 */
final class DumpRecords {
  /** A producer's retry re-emits one of the last events it sent. */
  private static final int RECENT_POSITIONS = 256;

  /**
   * Tries per scope to land on a regular event (about 9 in 10 records are) as a duplicate's
   * original.
   */
  private static final int ATTEMPTS = 4;

  private static final InvalidKind[] INVALID_KINDS = InvalidKind.values();
  private static final DuplicateScope[] SCOPES = DuplicateScope.values();

  private final GeneratorSpec spec;
  private final EventSynthesizer synthesizer;
  private final CaseMix caseMix;
  private final Map<LocalDate, List<PlannedFile>> plans = new TreeMap<>();

  DumpRecords(GeneratorSpec spec, EventSynthesizer synthesizer) {
    this.spec = spec;
    this.synthesizer = synthesizer;
    this.caseMix = new CaseMix(spec.rates());
    for (LocalDate date = spec.from(); !date.isAfter(spec.lastDate()); date = date.plusDays(1)) {
      plans.put(date, DailyFilePlan.plan(spec, date));
    }
  }

  List<PlannedFile> plan(LocalDate ingestDate) {
    return plans.get(ingestDate);
  }

  /** The record at the address, counted in the tally by its case. */
  AdEvent record(LocalDate ingestDate, PlannedFile file, long position, CaseTally tally) {
    long dayStart = startOf(ingestDate);
    SplittableRandom random = randomAt(ingestDate, file, position);
    if (opensTheDay(file, position)) {
      // The first dump of a day always opens with a straggler of the day before's last second.
      return counted(tally::late, synthesizer.lastSecondOfDayBefore(random, dayStart));
    }
    switch (caseMix.pick(random)) {
      case LATE -> {
        boolean straggler = file.index() == 0 && random.nextBoolean();
        return counted(
            tally::late,
            straggler
                ? synthesizer.lastSecondOfDayBefore(random, dayStart)
                : synthesizer.late(random, dayStart));
      }
      case DUPLICATE -> {
        AdEvent duplicate = duplicate(random, ingestDate, file, position, tally);
        return duplicate != null
            ? duplicate
            : counted(
                tally::regular, synthesizer.regular(random, file.windowStart(), file.windowEnd()));
      }
      case INVALID -> {
        InvalidKind kind = INVALID_KINDS[random.nextInt(INVALID_KINDS.length)];
        AdEvent event = synthesizer.invalid(random, file.windowStart(), file.windowEnd(), kind);
        tally.invalid(event, kind);
        return event;
      }
      case FUTURE -> {
        return counted(tally::future, synthesizer.future(random, dayStart));
      }
      case TOO_LATE -> {
        return counted(tally::tooLate, synthesizer.tooLate(random, dayStart));
      }
      default -> {
        return counted(
            tally::regular, synthesizer.regular(random, file.windowStart(), file.windowEnd()));
      }
    }
  }

  /**
   * The event at the address if it is a regular one, else null: only regular events are re-emitted,
   * so that a duplicate is valid and dated inside the next day's watermark. Must draw exactly as
   * {@link #record} does for a regular event.
   */
  private AdEvent regularAt(LocalDate ingestDate, PlannedFile file, long position) {
    if (opensTheDay(file, position)) {
      return null;
    }
    SplittableRandom random = randomAt(ingestDate, file, position);
    if (caseMix.pick(random) != EventCase.REGULAR) {
      return null;
    }
    return synthesizer.regular(random, file.windowStart(), file.windowEnd());
  }

  /**
   * Re-emits a regular event of a random scope (another if that one has none), or null if none is
   * found.
   */
  private AdEvent duplicate(
      SplittableRandom random,
      LocalDate ingestDate,
      PlannedFile file,
      long position,
      CaseTally tally) {
    int first = random.nextInt(SCOPES.length);
    for (int i = 0; i < SCOPES.length; i++) {
      DuplicateScope scope = SCOPES[(first + i) % SCOPES.length];
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        AdEvent original = original(random, scope, ingestDate, file, position);
        if (original != null) {
          tally.duplicate(original, scope);
          return original;
        }
      }
    }
    return null;
  }

  private AdEvent original(
      SplittableRandom random,
      DuplicateScope scope,
      LocalDate ingestDate,
      PlannedFile file,
      long position) {
    return switch (scope) {
      case IN_FILE ->
          position == 0
              ? null
              : regularAt(
                  ingestDate,
                  file,
                  position - 1 - random.nextLong(Math.min(position, RECENT_POSITIONS)));
      case SAME_DAY ->
          file.index() == 0
              ? null
              : anywhereIn(random, ingestDate, plan(ingestDate).get(random.nextInt(file.index())));
      // Only a day this generation writes: a re-emission of an event nobody delivered is no
      // duplicate.
      case EARLIER_DAY ->
          ingestDate.equals(spec.from())
              ? null
              : anywhereIn(
                  random,
                  ingestDate.minusDays(1),
                  plan(ingestDate.minusDays(1)).get(random.nextInt(spec.filesPerDay())));
    };
  }

  private AdEvent anywhereIn(SplittableRandom random, LocalDate ingestDate, PlannedFile file) {
    return file.records() == 0
        ? null
        : regularAt(ingestDate, file, random.nextLong(file.records()));
  }

  private boolean opensTheDay(PlannedFile file, long position) {
    return file.index() == 0 && position == 0 && spec.rates().lateShare() > 0;
  }

  private SplittableRandom randomAt(LocalDate ingestDate, PlannedFile file, long position) {
    return new SplittableRandom(
        Seeds.derive(spec.seed(), Seeds.EVENTS, ingestDate.toEpochDay(), file.index(), position));
  }

  private static AdEvent counted(java.util.function.Consumer<AdEvent> count, AdEvent event) {
    count.accept(event);
    return event;
  }

  static long startOf(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
