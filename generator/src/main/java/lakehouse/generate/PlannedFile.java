package lakehouse.generate;

/**
 * One hourly dump to write: its name, schema version, record count and the time window its regular
 * events happened in ([windowStart, windowEnd), epoch milliseconds UTC).
 */
record PlannedFile(
    int index, String name, int schemaVersion, long records, long windowStart, long windowEnd) {}
