package lakehouse.gold.staging;

import java.time.LocalDate;
import lakehouse.gold.table.GoldTable;

/**
 * One partition of a gold table written by one run to its own staging folder, not yet checked.
 *
 * @param path {@code _staging/<table>/<version>/partition_key=<value>/run_id=<run id>}
 * @param computedRows how many rows the run computed for the partition: what the staged files must
 *     hold
 * @param files how many Parquet files the partition was written as
 */
public record StagedPartition(
    GoldTable table,
    LocalDate partitionKey,
    String runId,
    String path,
    long computedRows,
    int files) {}
