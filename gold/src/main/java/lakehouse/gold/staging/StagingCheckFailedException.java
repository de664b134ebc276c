package lakehouse.gold.staging;

import java.time.LocalDate;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.error.LakehouseException;

/**
 * A staged partition failed a check, so the run's promotion is refused: the gold table does not
 * move. The message names the table, the partition, the run and the check.
 */
public final class StagingCheckFailedException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String tableVersion;
  private final LocalDate partitionKey;
  private final String runId;
  private final StagingCheck check;

  public StagingCheckFailedException(
      GoldTable table,
      LocalDate partitionKey,
      String runId,
      StagingCheck check,
      String detail,
      String stagedPath) {
    super(
        "refusing to promote "
            + table.partitionLabel(partitionKey)
            + " of run "
            + runId
            + ": staging check "
            + check.label()
            + " failed: "
            + detail
            + "; the table was left unchanged"
            + (stagedPath == null
                ? ""
                : " (staged files kept for inspection at "
                    + stagedPath
                    + " until cleanup removes them)"));
    this.table = table.name();
    this.tableVersion = table.version();
    this.partitionKey = partitionKey;
    this.runId = runId;
    this.check = check;
  }

  public String table() {
    return table;
  }

  public String tableVersion() {
    return tableVersion;
  }

  public LocalDate partitionKey() {
    return partitionKey;
  }

  public String runId() {
    return runId;
  }

  public StagingCheck check() {
    return check;
  }
}
