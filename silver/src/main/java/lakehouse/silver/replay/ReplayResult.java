package lakehouse.silver.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The run report's {@code replay} object: what a quarantine replay released. The records it
 * considered (quarantined, not released before, of the ingest dates and reason asked) were either
 * released or stay quarantined: {@code records_considered = records_released +
 * records_still_quarantined}; a released record entered silver, or was a duplicate of an event
 * silver holds: {@code records_released = rows_accepted + duplicates_dropped +
 * rows_already_accepted}.
 *
 * @param releasedByReason released records by the reason they had been quarantined for
 * @param stillQuarantinedByReason records that stay, by the rule they fail today
 * @param recordsReleasedBefore records of the ingest dates that earlier replays released, not
 *     considered again
 * @param rowsAlreadyAccepted released records that an interrupted earlier replay had already put in
 *     silver
 * @param changedEventDates event dates whose silver partition (and feature groups) changed
 */
public record ReplayResult(
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("reason") String reason,
    @JsonProperty("records_considered") long recordsConsidered,
    @JsonProperty("records_released") long recordsReleased,
    @JsonProperty("records_still_quarantined") long recordsStillQuarantined,
    @JsonProperty("released_by_reason") Map<String, Long> releasedByReason,
    @JsonProperty("still_quarantined_by_reason") Map<String, Long> stillQuarantinedByReason,
    @JsonProperty("rows_accepted") long rowsAccepted,
    @JsonProperty("duplicates_dropped") long duplicatesDropped,
    @JsonProperty("rows_already_accepted") long rowsAlreadyAccepted,
    @JsonProperty("records_released_before") long recordsReleasedBefore,
    @JsonProperty("changed_event_dates") List<String> changedEventDates,
    @JsonProperty("duration_ms") long durationMs) {}
