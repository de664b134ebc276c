package lakehouse.silver;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import lakehouse.shared.tables.BronzeEvents;

/**
 * One delivery of a landing file as bronze holds it: what silver processes and records in its
 * ledger.
 *
 * @param fingerprint bronze's identity of this delivery of the landing file
 * @param sourceFile the landing file's path relative to the lake root
 */
public record BronzeFile(String fingerprint, String sourceFile) {

  /**
   * SQL predicate selecting the rows of the files of one ingest date, in any table with bronze
   * lineage.
   */
  public static String rowsOf(LocalDate ingestDate, List<BronzeFile> files) {
    return BronzeEvents.INGEST_DATE
        + " = DATE'"
        + ingestDate
        + "' AND "
        + BronzeEvents.SOURCE_FINGERPRINT
        + " IN ("
        + files.stream()
            .map(file -> sqlString(file.fingerprint()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String sqlString(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
