package lakehouse.generate;

import java.time.LocalDate;
import java.util.List;

/** The files written for one ingest date and the cases among their records. */
public record DaySummary(LocalDate ingestDate, List<GeneratedFile> files, CaseCounts cases) {

  public DaySummary {
    files = List.copyOf(files);
  }

  /** Records in this day's registered, readable files. */
  public long records() {
    return cases.records();
  }

  public long filesOf(FileKind kind, int schemaVersion) {
    return files.stream()
        .filter(f -> f.kind() == kind && f.schemaVersion() == schemaVersion)
        .count();
  }

  public String describe() {
    long broken = files.stream().filter(f -> f.kind() != FileKind.EVENTS).count();
    return ingestDate
        + ": "
        + files.size()
        + " files ("
        + filesOf(FileKind.EVENTS, 1)
        + " v1, "
        + filesOf(FileKind.EVENTS, 2)
        + " v2"
        + (broken == 0 ? "" : ", " + broken + " broken")
        + "), "
        + cases.describe();
  }
}
