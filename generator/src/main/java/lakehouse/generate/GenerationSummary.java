package lakehouse.generate;

import java.util.List;

/**
 * Everything one generation wrote: the files of each ingest date with their schema version and
 * record count, the cases among the records, and which user and ad were made hot.
 *
 * @param codec the Avro codec of the files ({@code snappy}, or {@code deflate} where snappy's
 *     native library cannot load)
 */
public record GenerationSummary(
    List<DaySummary> days, String hotUserId, String hotAdId, String codec) {

  public GenerationSummary {
    days = List.copyOf(days);
  }

  public List<GeneratedFile> files() {
    return days.stream().flatMap(day -> day.files().stream()).toList();
  }

  /** The cases over all days. */
  public CaseCounts cases() {
    return days.stream().map(DaySummary::cases).reduce(CaseCounts.none(), CaseCounts::plus);
  }

  /** Records in registered, readable files over all days. */
  public long records() {
    return cases().records();
  }

  /** A few lines for a person: totals, then one line per ingest date. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("generated ")
        .append(days.size())
        .append(" ingest dates, ")
        .append(files().size())
        .append(" files (")
        .append(codec)
        .append("), hot user ")
        .append(hotUserId)
        .append(", hot ad ")
        .append(hotAdId)
        .append('\n');
    text.append("total: ").append(cases().describe()).append('\n');
    for (DaySummary day : days) {
      text.append(day.describe()).append('\n');
    }
    return text.toString();
  }
}
