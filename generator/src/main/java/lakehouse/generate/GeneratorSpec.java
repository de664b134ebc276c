package lakehouse.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: {@code days} ingest dates from {@code from}, each with {@code eventsPerDay}
 * records spread over {@code filesPerDay} hourly dumps, and, on request, one corrupt and one
 * unregistered-schema file per day. The same spec always gives the same bytes.
 */
public record GeneratorSpec(
    LocalDate from,
    int days,
    long eventsPerDay,
    long seed,
    GeneratorRates rates,
    boolean corruptFiles,
    boolean unknownSchemaFiles,
    int filesPerDay) {

  /** Producers dump once an hour. */
  public static final int HOURLY_FILES = 24;

  public GeneratorSpec {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(rates, "rates");
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1, got " + days);
    }
    if (eventsPerDay < 1) {
      throw new IllegalArgumentException(
          "--events-per-day must be at least 1, got " + eventsPerDay);
    }
    if (filesPerDay < 1 || filesPerDay > 1440) {
      throw new IllegalArgumentException(
          "files per day must be between 1 and 1440, got " + filesPerDay);
    }
  }

  /** Default rates, hourly files, no broken files. */
  public static GeneratorSpec of(LocalDate from, int days, long eventsPerDay, long seed) {
    return new GeneratorSpec(
        from, days, eventsPerDay, seed, GeneratorRates.defaults(), false, false, HOURLY_FILES);
  }

  public GeneratorSpec withRates(GeneratorRates newRates) {
    return new GeneratorSpec(
        from, days, eventsPerDay, seed, newRates, corruptFiles, unknownSchemaFiles, filesPerDay);
  }

  public GeneratorSpec withBrokenFiles(boolean corrupt, boolean unknownSchema) {
    return new GeneratorSpec(
        from, days, eventsPerDay, seed, rates, corrupt, unknownSchema, filesPerDay);
  }

  public GeneratorSpec withFilesPerDay(int files) {
    return new GeneratorSpec(
        from, days, eventsPerDay, seed, rates, corruptFiles, unknownSchemaFiles, files);
  }

  public LocalDate lastDate() {
    return from.plusDays(days - 1L);
  }
}
