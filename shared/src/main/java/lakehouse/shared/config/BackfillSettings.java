package lakehouse.shared.config;

import java.io.Serializable;

/**
 * How a backfill works through its range.
 *
 * @param goldRebuildBatchDays dates a gold-only backfill rebuilds together, in one commit per
 *     table: more dates per commit is faster, fewer loses less work to a crash and computes less at
 *     once
 */
public record BackfillSettings(int goldRebuildBatchDays) implements Serializable {}
