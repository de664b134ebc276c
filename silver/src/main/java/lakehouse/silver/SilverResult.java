package lakehouse.silver;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedSet;

/**
 * What silver did for one ingest date. Serialised by Jackson as its {@link SilverReport}, the run
 * report's {@code silver} object.
 *
 * @param rowsRead bronze rows of the run's files that this run decided on: {@code rowsAccepted +
 *     recordsQuarantined + duplicatesDropped}
 * @param recordsQuarantined records quarantined, each once whatever its number of reasons
 * @param quarantinedByReason records failing each rule, every rule name present (0 when none)
 * @param changedEventDates event dates given at least one event from this run's files; their
 *     feature groups were rebuilt and the layers downstream must recompute them
 * @param tableVersions table path to its Delta version after the run (-1: the table does not exist)
 * @param rowsAlreadyAccepted rows an interrupted earlier attempt over the same files had already
 *     appended to silver; not part of {@code rowsRead} (see {@link SilverLayer})
 * @param arrivalLatency how late the records read arrived, the quarantined ones included
 */
public record SilverResult(
    long rowsRead,
    long rowsAccepted,
    long duplicatesDropped,
    long recordsQuarantined,
    Map<String, Long> quarantinedByReason,
    SortedSet<LocalDate> changedEventDates,
    Map<String, Long> tableVersions,
    long durationMs,
    long rowsAlreadyAccepted,
    ArrivalLatency arrivalLatency) {

  @JsonValue
  public SilverReport report() {
    return new SilverReport(
        rowsRead,
        rowsAccepted,
        duplicatesDropped,
        recordsQuarantined,
        quarantinedByReason,
        changedEventDates.stream().map(LocalDate::toString).toList(),
        rowsAlreadyAccepted,
        tableVersions,
        durationMs,
        arrivalLatency);
  }
}
