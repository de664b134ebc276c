package lakehouse.silver;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The run report's {@code silver} object. Property names are explicit, so the JSON is the same
 * whatever naming strategy the writing mapper has. {@code rows_read = rows_accepted +
 * records_quarantined + duplicates_dropped}.
 *
 * @param rowsAlreadyAccepted rows of this run's files that an interrupted earlier attempt had
 *     already appended to silver; outside the other counts (see {@link SilverLayer})
 * @param arrivalLatency how late the records read arrived (see {@link ArrivalLatency})
 */
public record SilverReport(
    @JsonProperty("rows_read") long rowsRead,
    @JsonProperty("rows_accepted") long rowsAccepted,
    @JsonProperty("duplicates_dropped") long duplicatesDropped,
    @JsonProperty("records_quarantined") long recordsQuarantined,
    @JsonProperty("rows_quarantined") Map<String, Long> rowsQuarantined,
    @JsonProperty("changed_event_dates") List<String> changedEventDates,
    @JsonProperty("rows_already_accepted") long rowsAlreadyAccepted,
    @JsonProperty("table_versions") Map<String, Long> tableVersions,
    @JsonProperty("duration_ms") long durationMs,
    @JsonProperty("arrival_latency") ArrivalLatency arrivalLatency) {}
