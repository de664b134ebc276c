package lakehouse.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Splits an ingest date into its dumps: each covers an equal slice of the day, gets a share of the
 * day's records following a daily traffic curve (quietest around 08:00 UTC, busiest around 20:00),
 * and is written in schema version 1 or 2 so that the day holds the configured share of version 1
 * files and, when that share is strictly between 0 and 1, at least one file of each version.
 */
final class DailyFilePlan {
  private static final double PEAK_HOUR = 20.0;
  private static final double DAILY_SWING = 0.6;

  private DailyFilePlan() {}

  static List<PlannedFile> plan(GeneratorSpec spec, LocalDate ingestDate) {
    int files = spec.filesPerDay();
    long dayStart = ingestDate.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long[] records = recordsPerFile(spec.eventsPerDay(), files);
    boolean[] v1 = versionOneFiles(spec, ingestDate, files);
    List<PlannedFile> plan = new ArrayList<>(files);
    for (int i = 0; i < files; i++) {
      long windowStart = dayStart + i * EventSynthesizer.DAY / files;
      long windowEnd = dayStart + (i + 1) * EventSynthesizer.DAY / files;
      plan.add(
          new PlannedFile(
              i,
              String.format(Locale.ROOT, "part-%05d.avro", i),
              v1[i] ? 1 : 2,
              records[i],
              windowStart,
              windowEnd));
    }
    return plan;
  }

  /**
   * Splits the day's records by the traffic curve; the largest remainders take the leftover
   * records.
   */
  static long[] recordsPerFile(long events, int files) {
    double[] weights = new double[files];
    double total = 0;
    for (int i = 0; i < files; i++) {
      double hour = (i + 0.5) * 24.0 / files;
      weights[i] = 1.0 + DAILY_SWING * StrictMath.cos(2 * Math.PI * (hour - PEAK_HOUR) / 24.0);
      total += weights[i];
    }
    long[] records = new long[files];
    double[] remainders = new double[files];
    long assigned = 0;
    for (int i = 0; i < files; i++) {
      double exact = events * weights[i] / total;
      records[i] = (long) Math.floor(exact);
      remainders[i] = exact - records[i];
      assigned += records[i];
    }
    Integer[] byRemainder = new Integer[files];
    Arrays.setAll(byRemainder, i -> i);
    Arrays.sort(
        byRemainder,
        Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparing(i -> i));
    for (int k = 0; assigned < events; k = (k + 1) % files) {
      records[byRemainder[k]]++;
      assigned++;
    }
    return records;
  }

  private static boolean[] versionOneFiles(GeneratorSpec spec, LocalDate ingestDate, int files) {
    double share = spec.rates().v1Share();
    int count = (int) Math.round(share * files);
    if (share > 0 && share < 1 && files >= 2) {
      count = Math.max(1, Math.min(files - 1, count));
    }
    int[] order = new int[files];
    Arrays.setAll(order, i -> i);
    SplittableRandom random =
        new SplittableRandom(
            Seeds.derive(spec.seed(), Seeds.FILE_VERSIONS, ingestDate.toEpochDay()));
    for (int i = files - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    boolean[] v1 = new boolean[files];
    for (int i = 0; i < count; i++) {
      v1[order[i]] = true;
    }
    return v1;
  }
}
